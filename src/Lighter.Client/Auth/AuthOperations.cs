using Lighter.Client.Api;

namespace Lighter.Client.Auth;

/// <summary>
/// Which requests take an auth token, read from the generated operation catalog (<see cref="LighterOperations"/>):
/// the spec's <c>authorization</c>/<c>auth</c> parameters with the overlay's corrections. Required and optional
/// tokens are both attached (an optional token returns the account's private data).
/// </summary>
internal static class AuthOperations
{
    /// <summary>Where the operation behind <paramref name="request"/> takes its token.</summary>
    /// <param name="request">An outgoing request: built by a generated interface, or addressed to a spec route.</param>
    /// <returns><see cref="AuthPlacement.None"/> for operations without a token and for unknown routes.</returns>
    public static AuthPlacement Of(HttpRequestMessage request) =>
        LighterOperations.TryFind(request, out var operation) && operation.Auth != LighterAuthRequirement.None
            ? operation.AuthLocation switch
            {
                LighterAuthLocation.Header => AuthPlacement.Header,
                LighterAuthLocation.Query => AuthPlacement.Query,
                _ => AuthPlacement.None,
            }
            : AuthPlacement.None;
}
