using Lighter.Client;
using Lighter.Client.Auth;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Gives the DI pipeline's <see cref="AuthTokenHandler"/> the auth tokens of the container's
/// <see cref="LighterClient"/>. The client is looked up when a request is sent, not when the handler is built:
/// the client's own <see cref="HttpClient"/> is built from the same pipeline, so an eager lookup would be a cycle.
/// </summary>
internal sealed class LighterAuthTokenSource(IServiceProvider root)
{
    /// <summary>The client's token cache, or null when no client is registered or it has no signer.</summary>
    public AuthTokenCache? Current() => root.GetService<LighterClient>()?.AuthTokens;
}
