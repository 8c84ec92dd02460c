using Lighter.Signing.Auth;

namespace Lighter.Client.Streaming;

/// <summary>What a connection needs from its client: diagnostics, state events and auth tokens.</summary>
internal interface ILighterStreamHost : IStreamDiagnostics
{
    void OnStateChanged(ConnectionStateChangedEventArgs args);

    /// <summary>A socket gave up reconnecting: the whole client ends with <paramref name="error"/>.</summary>
    void OnConnectionFailed(LighterConnectionException error);

    ValueTask<AuthToken> GetAuthTokenAsync(CancellationToken cancellationToken);
}
