using System.Net;
using System.Text;
using Lighter.Client.Serialization;
using Refit;

namespace Lighter.Generator.Tests;

/// <summary>
/// Records outgoing requests (with their body text) and answers every one with a canned JSON body, or with
/// 204 No Content when none is given (these tests check requests; a partial body would fail the required fields).
/// </summary>
internal sealed class CapturingHandler(string? responseJson = null) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = [];

    /// <summary>Name and text of each part of the last multipart body.</summary>
    public List<(string Name, string Text)> LastParts { get; } = [];

    public HttpRequestMessage Last => Requests[^1].Request;

    public string? LastBody => Requests[^1].Body;

    public static T Client<T>(CapturingHandler handler) =>
        RestService.For<T>(new HttpClient(handler) { BaseAddress = new Uri("https://api.test/") }, LighterRefitSettings.Create());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        LastParts.Clear();
        if (request.Content is MultipartFormDataContent multipart)
        {
            foreach (var part in multipart)
            {
                LastParts.Add((part.Headers.ContentDisposition!.Name!.Trim('"'), await part.ReadAsStringAsync(cancellationToken)));
            }
        }

        Requests.Add((request, body));
        return responseJson is null
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(responseJson, Encoding.UTF8, "application/json") };
    }
}
