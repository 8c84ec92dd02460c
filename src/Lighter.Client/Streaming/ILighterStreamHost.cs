namespace Lighter.Client.Streaming;

/// <summary>What a connection needs from its client: diagnostics, state events and auth tokens.</summary>
internal interface ILighterStreamHost : IStreamDiagnostics
{
    void OnStateChanged(ConnectionStateChangedEventArgs args);

    ValueTask<string> GetAuthTokenAsync(CancellationToken cancellationToken);
}
