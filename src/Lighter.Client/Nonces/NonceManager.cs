namespace Lighter.Client.Nonces;

/// <summary>
/// Lock-free nonce sequence for one (account, API key).
/// </summary>
/// <remarks>
/// <para>Invariant: every nonce in <c>[first, next)</c> is in exactly one state: leased, committed, or waiting in
/// the reuse queue. <see cref="AcquireAsync"/> takes a released nonce first (so a failed send leaves no gap), else
/// extends the range with <see cref="Interlocked.Increment(ref long)"/>. <see cref="Release"/> rolls the counter
/// back when the nonce is the latest, else queues it for the next caller. Nonces below <c>floor</c> (the server's
/// <c>nextNonce</c> at the last resync) are stale and dropped instead of reused.</para>
/// <para>A resync moves the sequence forward to the server's <c>nextNonce</c>. When the server instead waits for a
/// nonce below ours (a transaction we counted as used never landed), exactly that nonce is queued for reuse, and
/// only when no lease is outstanding; a Dekker-style gate
/// (<c>inFlight</c> vs <c>resetting</c>, both written with full fences) makes that check race-free without
/// putting a lock on the hot path. A commit counter sampled before the fetch rejects a stale answer: if any
/// transaction was committed while <c>nextNonce</c> was in flight, the sequence is not moved backward.</para>
/// </remarks>
public sealed class NonceManager : INonceManager
{
    private readonly Func<CancellationToken, Task<long>> _fetchNextNonce;
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _released = new();
    private readonly object _resyncLock = new();
    private readonly object _initLock = new();
    private Task? _initTask;
    private Task? _resyncTask;
    private long _next;
    private long _floor;
    private long _inFlight;
    private long _commits;
    private int _resetting;
    private volatile bool _initialized;

    /// <summary>Creates the manager.</summary>
    /// <param name="accountIndex">Account index.</param>
    /// <param name="apiKeyIndex">API key index.</param>
    /// <param name="fetchNextNonce">Reads <c>nextNonce</c> for this account and key from the server.</param>
    public NonceManager(long accountIndex, int apiKeyIndex, Func<CancellationToken, Task<long>> fetchNextNonce)
    {
        ArgumentNullException.ThrowIfNull(fetchNextNonce);
        AccountIndex = accountIndex;
        ApiKeyIndex = apiKeyIndex;
        _fetchNextNonce = fetchNextNonce;
    }

    /// <inheritdoc />
    public long AccountIndex { get; }

    /// <inheritdoc />
    public int ApiKeyIndex { get; }

    /// <summary>Leases currently outstanding (neither committed nor released).</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>The next fresh nonce the manager would hand out (diagnostics).</summary>
    public long PeekNext => Interlocked.Read(ref _next);

    /// <inheritdoc />
    public ValueTask<NonceLease> AcquireAsync(CancellationToken cancellationToken = default) =>
        _initialized ? new ValueTask<NonceLease>(Take()) : AcquireSlowAsync(cancellationToken);

    /// <inheritdoc />
    public void Commit(NonceLease lease)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Decrement(ref _inFlight);
    }

    /// <inheritdoc />
    public void Release(NonceLease lease)
    {
        var nonce = lease.Nonce;
        // Queue before decrementing, so a backward reset (which needs inFlight == 0) never misses this nonce.
        if (nonce >= Interlocked.Read(ref _floor) && Interlocked.CompareExchange(ref _next, nonce, nonce + 1) != nonce + 1)
        {
            _released.Enqueue(nonce);
        }

        Interlocked.Decrement(ref _inFlight);
    }

    /// <inheritdoc />
    public async Task ResyncAsync(NonceLease rejected, CancellationToken cancellationToken = default)
    {
        // The rejected nonce consumed nothing: end the lease first, so a backward reset can see "nothing in
        // flight"; if the server turns out to be past it, the raised floor drops it from the reuse queue.
        Release(rejected);
        Task task;
        lock (_resyncLock)
        {
            // Callers that arrive while a fetch is running share it; a finished fetch is never reused.
            if (_resyncTask is null || _resyncTask.IsCompleted) _resyncTask = FetchAndApplyAsync();
            task = _resyncTask;
        }

        await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private NonceLease Take()
    {
        var spin = default(SpinWait);
        while (true)
        {
            Interlocked.Increment(ref _inFlight);
            if (Volatile.Read(ref _resetting) == 0)
            {
                break;
            }

            // A backward reset is in progress (microseconds, rare): step back out of its way.
            Interlocked.Decrement(ref _inFlight);
            spin.SpinOnce();
        }

        while (_released.TryDequeue(out var reused))
        {
            if (reused >= Interlocked.Read(ref _floor)) return new NonceLease(reused);
        }

        return new NonceLease(Interlocked.Increment(ref _next) - 1);
    }

    private async ValueTask<NonceLease> AcquireSlowAsync(CancellationToken cancellationToken)
    {
        Task init;
        // Start exactly one fetch: a second InitializeAsync finishing after leases were handed out would reset the
        // sequence and hand the same nonces out twice (a compare-and-swap alone still runs the loser's fetch).
        lock (_initLock)
        {
            if (_initTask is null || _initTask.IsFaulted || _initTask.IsCanceled) _initTask = InitializeAsync();
            init = _initTask;
        }

        await init.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Take();
    }

    private async Task InitializeAsync()
    {
        var serverNext = await _fetchNextNonce(CancellationToken.None).ConfigureAwait(false);
        ArgumentOutOfRangeException.ThrowIfNegative(serverNext, "nextNonce");
        Interlocked.Exchange(ref _floor, serverNext);
        Interlocked.Exchange(ref _next, serverNext);
        _initialized = true;
    }

    private async Task FetchAndApplyAsync()
    {
        await Task.Yield();
        var commitsBefore = Interlocked.Read(ref _commits);
        var serverNext = await _fetchNextNonce(CancellationToken.None).ConfigureAwait(false);
        Apply(serverNext, commitsBefore);
    }

    private void Apply(long serverNext, long commitsBefore)
    {
        RaiseFloor(serverNext);
        var current = Interlocked.Read(ref _next);
        while (current < serverNext)
        {
            var seen = Interlocked.CompareExchange(ref _next, serverNext, current);
            if (seen == current) return;
            current = seen;
        }

        if (current == serverNext) return;

        // The server waits for a nonce below ours: a transaction that never landed left a gap. Refill it only
        // when nothing is in flight and nothing was committed since the fetch began; otherwise the answer may be
        // stale, or outstanding transactions may still fill the gap themselves.
        Interlocked.Exchange(ref _resetting, 1);
        try
        {
            if (Interlocked.Read(ref _inFlight) == 0 && Interlocked.Read(ref _commits) == commitsBefore && !_released.Contains(serverNext))
            {
                // Hand out exactly the missing nonce again; later ones the server may already hold stay used.
                _released.Enqueue(serverNext);
            }
        }
        finally
        {
            Interlocked.Exchange(ref _resetting, 0);
        }
    }

    private void RaiseFloor(long value)
    {
        var floor = Interlocked.Read(ref _floor);
        while (floor < value)
        {
            var seen = Interlocked.CompareExchange(ref _floor, value, floor);
            if (seen == floor) return;
            floor = seen;
        }
    }
}
