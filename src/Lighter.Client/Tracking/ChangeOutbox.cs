namespace Lighter.Client.Tracking;

/// <summary>
/// Changes queued under their owner's state lock and raised one at a time, in the order they were queued, by whichever
/// thread dispatches first: handlers never overlap and never see a later change before an earlier one.
/// </summary>
/// <param name="stateGate">The owner's lock, held by the caller of <see cref="Enqueue"/>.</param>
internal sealed class ChangeOutbox<T>(Lock stateGate)
{
    private readonly Queue<T> _queue = new();

    /// <summary>Held while changes are raised; take it to add or remove a listener between two changes.</summary>
    public Lock DispatchGate { get; } = new();

    /// <summary>Queues a change (the caller holds the state lock).</summary>
    public void Enqueue(T change) => _queue.Enqueue(change);

    /// <summary>Raises every queued change with <paramref name="raise"/>, including those queued meanwhile by other threads.</summary>
    public void Dispatch(Action<T> raise)
    {
        lock (DispatchGate)
        {
            while (true)
            {
                T change;
                lock (stateGate)
                {
                    if (!_queue.TryDequeue(out change!)) return;
                }

                raise(change);
            }
        }
    }
}
