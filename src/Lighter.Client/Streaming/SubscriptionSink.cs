namespace Lighter.Client.Streaming;

/// <summary>Receives the frames of one subscribed channel on the connection's receive loop.</summary>
internal abstract class SubscriptionSink(string address, bool requiresAuth)
{
    public string Address { get; } = address;

    public bool RequiresAuth { get; } = requiresAuth;

    /// <summary>Set by the connection that carries the subscription.</summary>
    public WebSocketConnection? Connection { get; set; }

    /// <summary>Handles one frame; must not block (it runs on the receive loop).</summary>
    public abstract void OnFrame(ReadOnlySpan<byte> type, ReadOnlySpan<byte> frame, IStreamDiagnostics diagnostics);

    /// <summary>The subscription is about to be (re)sent, e.g. after a reconnect: state from before is stale.</summary>
    public virtual void OnResubscribing()
    {
    }

    /// <summary>The subscription ended (unsubscribed or the client was disposed).</summary>
    public virtual void OnCompleted()
    {
    }
}

/// <summary>Where sinks and the dispatcher report frames they could not use.</summary>
internal interface IStreamDiagnostics
{
    void Report(StreamDiagnosticKind kind, string message, string? channel, ReadOnlySpan<byte> frame);
}
