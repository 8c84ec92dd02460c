using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lighter.Client.Api;
using Lighter.Client.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// Contract tests generated from <c>spec/openapi.json</c> at test time: one case per operation of the document.
/// Each case calls the generated method through <see cref="LighterClient"/>'s real pipeline against WireMock with
/// arguments built from the spec's parameter and body schemas, checks the request against the spec, serves a
/// response built from the spec's schema and checks that every field is mapped and re-serializes to the same
/// JSON, then checks that a refusal (code ≠ 200) and a 4xx both surface as <see cref="LighterApiException"/>.
/// </summary>
public sealed class RestContractTests(RestContractFixture f) : IClassFixture<RestContractFixture>
{
    private static readonly string[] AuthTokenLocations = ["authorization"];

    /// <summary>The operationIds of the document at <paramref name="openApiPath"/>, one theory case each.</summary>
    public static TheoryData<string> OperationsOf(string openApiPath)
    {
        var cases = new TheoryData<string>();
        foreach (var op in OpenApiDocument.Load(openApiPath).Operations())
        {
            cases.Add(op.OperationId);
        }

        return cases;
    }

    public static TheoryData<string> Operations => OperationsOf(SpecFiles.OpenApi);

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_matches_the_spec_on_the_wire(string operationId)
    {
        var op = Assert.Single(f.Spec.Operations(), o => o.OperationId == operationId);
        var generated = LighterOperations.All.Where(o => o.OperationId == operationId).ToList();
        Assert.True(generated.Count > 0, $"{operationId} has no generated method");
        foreach (var operation in generated)
        {
            var call = RestCall.Build(f.Spec, op, operation);
            await RequestAndResponseMatchAsync(op, call);
            await ErrorsSurfaceAsLighterApiExceptionAsync(op, call);
            await MissingRequiredFieldIsAJsonExceptionNamingItAsync(op, call);
        }
    }

    /// <summary>Required means required: the response without one required field fails, naming type and field.</summary>
    private async Task MissingRequiredFieldIsAJsonExceptionNamingItAsync(SpecOperation op, RestCall call)
    {
        var schema = f.Spec.Resolve(f.Spec.Response(op, "200")!);
        var required = (schema["required"] as JsonArray ?? []).Select(r => (string)r!).ToList();
        var missing = required.FirstOrDefault(r => r != "code") ?? required.FirstOrDefault();
        if (missing is null)
        {
            return; // nothing is required in this answer
        }

        var served = new SchemaSampler(f.Spec.Resolve).Sample(schema)!.AsObject();
        served.Remove(missing);
        f.Serve(op.Method, op.Path, 200, served.ToJsonString());

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => f.InvokeAsync(call));

        var json = RequiredFields.JsonExceptionIn(thrown);
        var type = call.Method.ReturnType.GetGenericArguments()[0];
        Assert.Contains(type.FullName!, json.Message, StringComparison.Ordinal);
        Assert.Contains($"'{missing}'", json.Message, StringComparison.Ordinal);
    }

    private async Task RequestAndResponseMatchAsync(SpecOperation op, RestCall call)
    {
        var served = new SchemaSampler(f.Spec.Resolve).Sample(f.Spec.Response(op, "200")
                                                              ?? throw new InvalidOperationException($"{op}: no 200 schema"))!;
        f.Serve(op.Method, op.Path, 200, served.ToJsonString());

        var result = await f.InvokeAsync(call);

        var request = Assert.Single(f.Server.LogEntries).RequestMessage!;
        Assert.Equal(op.Method, request.Method);
        Assert.Equal(op.Path, request.Path);
        AssertQuery(call, request.RawQuery);
        AssertAuth(op, request);
        AssertBody(call, request);
        Assert.NotNull(result);
        Assert.Empty(UnmappedFields.Of(result, op.OperationId));
        var written = JsonSerializer.SerializeToElement(result, call.Method.ReturnType.GetGenericArguments()[0], LighterJsonContext.Default.Options);
        Assert.Empty(SemanticJson.Differences(JsonSerializer.SerializeToElement(served), written));
    }

    private async Task ErrorsSurfaceAsLighterApiExceptionAsync(SpecOperation op, RestCall call)
    {
        f.Serve(op.Method, op.Path, 200, """{"code":21120,"message":"contract: refused"}""");
        var refused = await Assert.ThrowsAsync<LighterApiException>(() => f.InvokeAsync(call));
        Assert.Equal((HttpStatusCode.OK, 21120, "contract: refused"), (refused.StatusCode!.Value, refused.Code!.Value, refused.ServerMessage));

        var bad = new SchemaSampler(f.Spec.Resolve).Sample(f.Spec.Response(op, "400")!)!.AsObject();
        bad["code"] = 20001;
        f.Serve(op.Method, op.Path, 400, bad.ToJsonString());
        var rejected = await Assert.ThrowsAsync<LighterApiException>(() => f.InvokeAsync(call));
        Assert.Equal((HttpStatusCode.BadRequest, 20001), (rejected.StatusCode!.Value, rejected.Code!.Value));
    }

    /// <summary>The query sent equals the one expected (<paramref name="except"/>: a key left out of the comparison).</summary>
    internal static void AssertQuery(RestCall call, string? rawQuery, string? except = null)
    {
        var sent = QueryHelpers.ParseQuery(rawQuery ?? string.Empty)
            .Where(q => q.Key != except)
            .ToDictionary(q => q.Key, q => q.Value.Select(v => v!).ToList(), StringComparer.Ordinal);
        Assert.Equal(call.ExpectedQuery.Keys.Where(k => k != except).Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, values) in call.ExpectedQuery.Where(q => q.Key != except))
        {
            Assert.True(values.SequenceEqual(sent[key]), $"query {key}: expected [{string.Join(", ", values)}], sent [{string.Join(", ", sent[key])}]");
        }
    }

    /// <summary>The spec models auth as an <c>authorization</c> parameter: where it has one, the pipeline's token is sent.</summary>
    private void AssertAuth(SpecOperation op, IRequestMessage request)
    {
        var takesToken = f.Spec.Parameters(op).Any(p => AuthTokenLocations.Contains((string?)p["name"]));
        var header = request.Headers?.FirstOrDefault(h => h.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase)).Value;
        if (takesToken)
        {
            Assert.NotNull(header);
            Assert.Matches($"^[0-9]+:{RestContractFixture.AccountIndex}:{RestContractFixture.ApiKeyIndex}:", Assert.Single(header));
        }
        else
        {
            Assert.Null(header);
        }
    }

    private static void AssertBody(RestCall call, IRequestMessage request)
    {
        var contentType = request.Headers?.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.Single();
        if (call.ContentType is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), $"unexpected body: {request.Body}");
            return;
        }

        var mediaType = MediaTypeHeaderValue.Parse(contentType!);
        Assert.Equal(call.ContentType, mediaType.MediaType);
        if (call.ExpectedJsonBody is { } json)
        {
            Assert.Empty(SemanticJson.Differences(JsonSerializer.SerializeToElement(json), JsonDocument.Parse(request.Body!).RootElement));
            return;
        }

        var fields = mediaType.MediaType == "multipart/form-data"
            ? MultipartFields(mediaType, request)
            : QueryHelpers.ParseQuery(request.Body).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        Assert.Equal(call.ExpectedForm.OrderBy(p => p.Key, StringComparer.Ordinal), fields.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static Dictionary<string, string> MultipartFields(MediaTypeHeaderValue mediaType, IRequestMessage request)
    {
        var boundary = mediaType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? "")));
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var name = ContentDispositionHeaderValue.Parse(section.ContentDisposition!).Name!.Trim('"');
            fields[name] = new StreamReader(section.Body).ReadToEnd();
        }

        return fields;
    }
}
