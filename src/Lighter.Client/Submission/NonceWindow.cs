namespace Lighter.Client.Submission;

/// <summary>
/// Keeps the nonces being sent within the exchange's out-of-order window: a transaction is sent only while its
/// nonce is less than <see cref="Size"/> ahead of the lowest nonce still being sent.
/// </summary>
/// <remarks>
/// The exchange accepts a nonce up to 15 ahead of the key's next nonce (transactions arrive out of order when they
/// are sent concurrently). Bounding the number of concurrent sends is not enough: one slow request lets the others
/// run ahead without limit, and a nonce beyond the window is refused as "invalid nonce". The lowest nonce in flight
/// never waits, so the window always moves.
/// </remarks>
internal sealed class NonceWindow
{
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _sending = [];
    private TaskCompletionSource _lowestMoved = NewSignal();

    public NonceWindow(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
    }

    /// <summary>How far ahead of the lowest nonce in flight a nonce may be sent (16 on the exchange).</summary>
    public int Size { get; }

    /// <summary>Registers <paramref name="nonce"/> as being sent and waits until it is inside the window.</summary>
    public async ValueTask EnterAsync(long nonce, CancellationToken cancellationToken)
    {
        Task moved;
        lock (_gate)
        {
            _sending.Add(nonce);
            if (nonce - _sending.Min < Size) return;
            moved = _lowestMoved.Task;
        }

        try
        {
            while (true)
            {
                await moved.WaitAsync(cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    if (nonce - _sending.Min < Size) return;
                    moved = _lowestMoved.Task;
                }
            }
        }
        catch
        {
            Exit(nonce);
            throw;
        }
    }

    /// <summary>Ends the send of <paramref name="nonce"/> (whatever its outcome).</summary>
    public void Exit(long nonce)
    {
        TaskCompletionSource? moved = null;
        lock (_gate)
        {
            var wasLowest = _sending.Count > 0 && _sending.Min == nonce;
            if (!_sending.Remove(nonce) || !wasLowest) return;
            moved = _lowestMoved;
            _lowestMoved = NewSignal();
        }

        moved.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
