namespace Lighter.Testing;

/// <summary>One REST operation the sandbox serves.</summary>
/// <param name="HttpMethod">The HTTP verb in upper case (<c>GET</c>, <c>POST</c>).</param>
/// <param name="Path">The route with a leading slash, as in the OpenAPI document (e.g. <c>/api/v1/nextNonce</c>).</param>
public sealed record SandboxRoute(string HttpMethod, string Path)
{
    /// <summary>The route as <c>GET /api/v1/nextNonce</c>.</summary>
    public override string ToString() => HttpMethod + " " + Path;
}
