namespace Lighter.Generator.OpenApi;

/// <summary>The wire-level shape of an OpenAPI document: what the server sees, before any C# naming.</summary>
internal sealed record ApiDocument(IReadOnlyList<ApiOperation> Operations, IReadOnlyList<ApiSchema> Schemas)
{
    public ApiSchema? FindSchema(string name) => Schemas.FirstOrDefault(s => s.Name == name);
}

/// <summary>One HTTP operation.</summary>
internal sealed record ApiOperation(
    string OperationId,
    string Method,
    string Path,
    string Tag,
    string? Summary,
    string? Description,
    IReadOnlyList<ApiParameter> Parameters,
    ApiRequestBody? Body,
    ApiType? Response);

/// <summary>A path, query or header parameter.</summary>
internal sealed record ApiParameter(
    string Name,
    string In,
    bool Required,
    ApiType Type,
    string? Description,
    string? Default,
    bool Explode);

/// <summary>A request body: the schema and every content type the spec offers for it.</summary>
internal sealed record ApiRequestBody(IReadOnlyList<string> ContentTypes, ApiType Type, bool Required);

/// <summary>A named object schema from <c>components.schemas</c> (or hoisted from an inline definition).</summary>
internal sealed record ApiSchema(string Name, string? Description, IReadOnlyList<ApiProperty> Properties);

/// <summary>One property of an object schema.</summary>
internal sealed record ApiProperty(string Name, ApiType Type, bool Required, string? Description, string? Default);

/// <summary>The JSON type of a schema.</summary>
internal enum ApiKind
{
    Any,
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Map,
    Ref,
}

/// <summary>A schema reduced to what code generation and diffing need.</summary>
internal sealed record ApiType(
    ApiKind Kind,
    string? Format = null,
    string? RefName = null,
    ApiType? Items = null,
    IReadOnlyList<string>? Enum = null,
    string? Example = null)
{
    /// <summary>A compact human-readable description used by <c>diff</c>: <c>integer(int64)</c>, <c>array&lt;Order&gt;</c>.</summary>
    public string Describe() => Kind switch
    {
        ApiKind.Ref => RefName!,
        ApiKind.Array => $"array<{Items!.Describe()}>",
        ApiKind.Map => $"map<{Items!.Describe()}>",
        ApiKind.Any => "any",
        _ => Kind.ToString().ToLowerInvariant() + (Format is null ? string.Empty : $"({Format})")
            + (Enum is null ? string.Empty : " enum"),
    };
}
