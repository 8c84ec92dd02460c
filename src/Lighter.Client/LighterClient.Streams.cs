using Lighter.Client.Streaming;
using Lighter.Signing.Auth;
using Microsoft.Extensions.Logging;

namespace Lighter.Client;

/// <summary>The WebSocket side of the client.</summary>
public sealed partial class LighterClient
{
    private readonly Lock _streamsGate = new();
    private LighterWebSocketClient? _streams;
    private bool _disposed;

    /// <inheritdoc />
    public LighterWebSocketClient Streams
    {
        get
        {
            lock (_streamsGate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _streams ??= NewStreams();
            }
        }
    }

    /// <summary>
    /// The client's WebSocket client: the environment's stream URL, auth tokens from the client's signer (for the
    /// account channels), the same clock and logging. Created on first use; nothing connects until a subscription.
    /// </summary>
    private LighterWebSocketClient NewStreams()
    {
        var options = new LighterWebSocketOptions { Uri = Environment.WebSocketUrl };
        var auth = Signer is { } signer
            ? new DelegateAuthTokenProvider(_ => ValueTask.FromResult(AuthToken.Parse(signer.CreateAuthToken(TimeProvider.GetUtcNow() + Options.AuthTokenLifetime))))
            : null;
        return new LighterWebSocketClient(options, auth, TimeProvider, LoggerFactory.CreateLogger<LighterWebSocketClient>());
    }

    /// <summary>Detaches the stream client (if one was created) so that disposal closes it once.</summary>
    private LighterWebSocketClient? TakeStreamsForDisposal()
    {
        lock (_streamsGate)
        {
            _disposed = true;
            var streams = _streams;
            _streams = null;
            return streams;
        }
    }
}
