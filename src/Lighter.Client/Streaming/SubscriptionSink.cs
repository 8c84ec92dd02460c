namespace Lighter.Client.Streaming;

/// <summary>Receives the frames of one subscribed channel on the connection's receive loop.</summary>
internal abstract class SubscriptionSink(string address, bool requiresAuth)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sentOnSocket = -1;
    private int _status = (int)SubscriptionStatus.Subscribing;
    private long _lastMessageUtcTicks;

    public string Address { get; } = address;

    public bool RequiresAuth { get; } = requiresAuth;

    /// <summary>Set by the connection that carries the subscription.</summary>
    public WebSocketConnection? Connection { get; set; }

    /// <summary>Clock for <see cref="LastMessageAt"/>; set by the client before the sink is attached.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public SubscriptionStatus Status => (SubscriptionStatus)Volatile.Read(ref _status);

    /// <summary>When the last frame of the channel arrived, or <see langword="null"/> before the first.</summary>
    public DateTimeOffset? LastMessageAt
    {
        get
        {
            var ticks = Volatile.Read(ref _lastMessageUtcTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Completes when the subscription ends; faults with the client's failure when it gave up reconnecting.</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Claims the right to send the subscribe frame on socket generation <paramref name="socket"/>; exactly one
    /// caller wins per generation, so a subscription added while a reconnect resubscribes is sent once.
    /// </summary>
    public bool TryClaim(int socket) => Interlocked.Exchange(ref _sentOnSocket, socket) != socket;

    /// <summary>
    /// When true the sink parses the envelope itself: the dispatcher passes the frame on as soon as it has read the
    /// channel (with an empty <c>type</c>), which saves a second pass over hot frames.
    /// </summary>
    public virtual bool ReadsWholeFrame => false;

    /// <summary>Handles one frame; must not block (it runs on the receive loop).</summary>
    public abstract void OnFrame(ReadOnlySpan<byte> type, ReadOnlySpan<byte> frame, IStreamDiagnostics diagnostics);

    /// <summary>Stamps the arrival of a frame of this channel (called by the dispatcher before <see cref="OnFrame"/>).</summary>
    public void MarkReceived() => Volatile.Write(ref _lastMessageUtcTicks, Time.GetUtcNow().UtcTicks);

    /// <summary>The subscribe frame went out on a connected socket.</summary>
    public void MarkLive() => Move(SubscriptionStatus.Live);

    /// <summary>The subscription is about to be (re)sent, e.g. after a reconnect: state from before is stale.</summary>
    public virtual void OnResubscribing()
    {
    }

    /// <summary>The socket carrying the subscription was lost; a reconnect will resubscribe.</summary>
    public void Disconnect(string reason)
    {
        if (Move(SubscriptionStatus.Disconnected))
        {
            OnDisconnected(reason);
        }
    }

    /// <summary>The subscription ended normally (unsubscribed or the client was disposed).</summary>
    public void Complete()
    {
        if (End(SubscriptionStatus.Completed))
        {
            OnEnded(null);
            _completion.TrySetResult();
        }
    }

    /// <summary>The client gave up; the subscription ends with <paramref name="error"/>.</summary>
    public void Fault(Exception error)
    {
        if (End(SubscriptionStatus.Faulted))
        {
            OnDisconnected(error.Message);
            OnEnded(error);
            _completion.TrySetException(error);
        }
    }

    /// <summary>Hook for <see cref="Disconnect"/> (and a fault): mark derived state stale.</summary>
    protected virtual void OnDisconnected(string reason)
    {
    }

    /// <summary>Hook for the end of the subscription; <paramref name="error"/> is null for a normal end.</summary>
    protected virtual void OnEnded(Exception? error)
    {
    }

    /// <summary>Moves between the non-final states; false once the subscription has ended or nothing changed.</summary>
    private bool Move(SubscriptionStatus next)
    {
        while (true)
        {
            var current = Volatile.Read(ref _status);
            if (current == (int)next || current is (int)SubscriptionStatus.Completed or (int)SubscriptionStatus.Faulted)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, (int)next, current) == current)
            {
                return true;
            }
        }
    }

    private bool End(SubscriptionStatus final)
    {
        while (true)
        {
            var current = Volatile.Read(ref _status);
            if (current is (int)SubscriptionStatus.Completed or (int)SubscriptionStatus.Faulted)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, (int)final, current) == current)
            {
                return true;
            }
        }
    }
}

/// <summary>Where sinks and the dispatcher report frames they could not use.</summary>
internal interface IStreamDiagnostics
{
    void Report(StreamDiagnosticKind kind, string message, string? channel, ReadOnlySpan<byte> frame);
}
