using Lighter.Generator.OpenApi;

namespace Lighter.Generator.CSharp;

/// <summary>The C# shape of the whole REST surface, ready to print.</summary>
internal sealed record CsApi(
    IReadOnlyList<CsInterface> Interfaces,
    IReadOnlyList<CsClass> Classes,
    IReadOnlyList<CsEnum> Enums,
    IReadOnlyList<CsPagedMethod> Paged,
    IReadOnlyList<string> Warnings);

/// <summary>One Refit interface (one per tag).</summary>
internal sealed record CsInterface(string Name, string Tag, IReadOnlyList<CsMethod> Methods);

/// <summary>How the request body travels.</summary>
internal enum BodyEncoding
{
    None,
    Json,
    UrlEncoded,
    Multipart,
}

/// <summary>Whether an operation needs an auth token (mirrors the runtime <c>LighterAuthRequirement</c>).</summary>
internal enum AuthRequirement
{
    None,
    Optional,
    Required,
}

/// <summary>Where the token goes (mirrors the runtime <c>LighterAuthLocation</c>).</summary>
internal enum AuthLocation
{
    None,
    Header,
    Query,
}

/// <summary>One Refit method: one operation, or one body encoding of it when the spec offers several.</summary>
internal sealed record CsMethod(
    string Name,
    ApiOperation Operation,
    string? ReturnType,
    IReadOnlyList<CsParameter> Parameters,
    BodyEncoding Encoding,
    AuthRequirement Auth,
    AuthLocation AuthLocation,
    string? AuthParameter);

/// <summary>Where a method parameter goes in the request.</summary>
internal enum ParameterKind
{
    Path,
    Query,
    Header,
    Body,
    FormField,
}

/// <summary>One method parameter.</summary>
internal sealed record CsParameter(
    string Name,
    string Type,
    string WireName,
    ParameterKind Kind,
    bool Optional,
    bool IsCollection,
    string? Doc);

/// <summary>One model class.</summary>
internal sealed record CsClass(
    string Name,
    ApiSchema Schema,
    IReadOnlyList<CsProperty> Properties,
    bool IsRequestOnly,
    bool IsFormBody);

/// <summary>One model property.</summary>
internal sealed record CsProperty(
    string Name,
    string WireName,
    string Type,
    bool Required,
    string? Initializer,
    string? Converter,
    string? Doc);

/// <summary>One enum, with its members in wire order.</summary>
internal sealed record CsEnum(string Name, IReadOnlyList<CsEnumMember> Members, string Origin);

/// <summary>An enum member and the exact string the server uses for it.</summary>
internal sealed record CsEnumMember(string Name, string Wire);
