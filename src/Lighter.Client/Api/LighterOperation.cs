namespace Lighter.Client.Api;

/// <summary>Whether an operation needs an auth token.</summary>
public enum LighterAuthRequirement
{
    /// <summary>The operation takes no token.</summary>
    None,

    /// <summary>The server accepts a token and returns more (private) data with it; attach one when available.</summary>
    Optional,

    /// <summary>The server rejects the request without a token.</summary>
    Required,
}

/// <summary>Where an operation's auth token goes.</summary>
public enum LighterAuthLocation
{
    /// <summary>No token.</summary>
    None,

    /// <summary>In the request header named <see cref="LighterOperation.AuthParameterName"/> (<c>authorization</c>).</summary>
    Header,

    /// <summary>In the query parameter named <see cref="LighterOperation.AuthParameterName"/> (<c>auth</c>).</summary>
    Query,
}

/// <summary>One generated REST method and the auth rule the spec overlay gives its operation.</summary>
/// <param name="OperationId">The OpenAPI operationId (e.g. <c>accountActiveOrders</c>).</param>
/// <param name="HttpMethod">The HTTP verb in upper case.</param>
/// <param name="Route">The route template as in the spec, with a leading slash (e.g. <c>/api/v1/accountActiveOrders</c>).</param>
/// <param name="Api">The generated Refit interface.</param>
/// <param name="MethodName">The method on <paramref name="Api"/> (e.g. <c>AccountActiveOrdersAsync</c>).</param>
/// <param name="Auth">Whether a token is needed.</param>
/// <param name="AuthLocation">Where the token goes.</param>
/// <param name="AuthParameterName">The header or query parameter name, or null when <paramref name="Auth"/> is None.</param>
/// <param name="RequestContentType">The body's media type (<c>application/x-www-form-urlencoded</c>,
/// <c>multipart/form-data</c>, <c>application/json</c>), or null when the operation has no body.</param>
public sealed record LighterOperation(
    string OperationId,
    string HttpMethod,
    string Route,
    Type Api,
    string MethodName,
    LighterAuthRequirement Auth,
    LighterAuthLocation AuthLocation,
    string? AuthParameterName,
    string? RequestContentType);
