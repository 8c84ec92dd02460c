using Lighter.Client.Diagnostics;
using Lighter.Client.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lighter.Client.Nonces;

/// <summary>
/// The nonce sequence of one (account, API key), kept gap-free and inside the exchange's out-of-order window.
/// </summary>
/// <remarks>
/// <para>State, under one short lock: <c>confirmed</c> is the lowest nonce not yet known used (the client's view of
/// the exchange's <c>nextNonce</c>, raised whenever the exchange reports a higher one); every nonce in
/// <c>[confirmed, next)</c> is leased, released (waiting for reuse) or used out of order. A lease takes the lowest
/// released nonce first, so a hole is filled by the very next transaction; a fresh nonce is handed out only while it
/// is less than <c>window</c> ahead of <c>confirmed</c>, so a stalled key makes senders wait instead of running past
/// the exchange's window and being refused.</para>
/// <para>A stall is the exchange's <c>nextNonce</c> staying below <c>confirmed</c> (a transaction the client counted
/// as used never landed, or the exchange is lagging). Seen twice at least <c>stallGrace</c> apart with no progress,
/// it is reported (<see cref="GapDetected"/>, log event 8012) and repaired: the missing nonce is handed to the next
/// transaction; the nonces above it stay used, as the exchange may hold them out of order.</para>
/// <para>Telemetry: every fetch after the first is counted on <see cref="LighterTelemetry.NonceResyncsInstrument"/> and
/// every hole event on <see cref="LighterTelemetry.NonceHolesInstrument"/>, tagged with the account and key index.</para>
/// </remarks>
public sealed class NonceManager : INonceManager
{
    private readonly Func<CancellationToken, Task<long>> _fetchNextNonce;
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _released = [];
    private readonly SortedSet<long> _usedAhead = [];
    private readonly int _window;
    private readonly TimeProvider _time;
    private readonly TimeSpan _stallGrace;
    private readonly ILogger _logger;
    private Task? _initTask;
    private Task<long>? _refreshTask;
    private TaskCompletionSource? _changed; // created only when someone waits, so the hot path allocates nothing
    private long _confirmed;
    private long _next;
    private long _inFlight;
    private bool _initialized;
    private (long ServerNext, long SeenAt)? _suspectedStall;

    /// <summary>Creates the manager.</summary>
    /// <param name="accountIndex">Account index.</param>
    /// <param name="apiKeyIndex">API key index.</param>
    /// <param name="fetchNextNonce">Reads <c>nextNonce</c> for this account and key from the server.</param>
    /// <param name="window">How far ahead of the exchange's next nonce a nonce may be handed out (16 on the exchange).</param>
    /// <param name="timeProvider">Clock for stall detection.</param>
    /// <param name="logger">Logger for resyncs and gaps.</param>
    /// <param name="stallGrace">How long the exchange may stay behind before the gap is repaired (default 1 s).</param>
    public NonceManager(long accountIndex, int apiKeyIndex, Func<CancellationToken, Task<long>> fetchNextNonce,
        int window = LighterClientOptions.DefaultNonceWindow, TimeProvider? timeProvider = null, ILogger? logger = null, TimeSpan? stallGrace = null)
    {
        ArgumentNullException.ThrowIfNull(fetchNextNonce);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        AccountIndex = accountIndex;
        ApiKeyIndex = apiKeyIndex;
        _fetchNextNonce = fetchNextNonce;
        _window = window;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _stallGrace = stallGrace ?? TimeSpan.FromSeconds(1);
    }

    /// <inheritdoc />
    public long AccountIndex { get; }

    /// <inheritdoc />
    public int ApiKeyIndex { get; }

    /// <summary>Raised (outside the lock) when a stall is found; see the remarks.</summary>
    public event EventHandler<NonceGap>? GapDetected;

    /// <summary>Leases currently outstanding (neither committed nor released).</summary>
    public long InFlight
    {
        get { lock (_gate) return _inFlight; }
    }

    /// <summary>The next fresh nonce the manager would hand out (diagnostics).</summary>
    public long PeekNext
    {
        get { lock (_gate) return _next; }
    }

    /// <summary>The lowest nonce not yet known used: the client's view of the exchange's <c>nextNonce</c>.</summary>
    public long ConfirmedNext
    {
        get { lock (_gate) return _confirmed; }
    }

    /// <summary>Released nonces waiting for the next transaction (diagnostics).</summary>
    public int ReleasedCount
    {
        get { lock (_gate) return _released.Count; }
    }

    /// <inheritdoc />
    public ValueTask<NonceLease> AcquireAsync(CancellationToken cancellationToken = default)
    {
        // Hot path: initialised and inside the window, no allocation.
        if (Volatile.Read(ref _initialized))
        {
            lock (_gate)
            {
                if (TryTakeOne() is { } lease) return new ValueTask<NonceLease>(lease);
            }
        }

        return AcquireSlowAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Returns fewer than <paramref name="count"/> leases (the released ones) when the window is full.</remarks>
    public async ValueTask<IReadOnlyList<NonceLease>> AcquireBatchAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!Volatile.Read(ref _initialized)) await InitializeOnceAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (TryTake(count) is { } leases) return leases;
                changed = (_changed ??= NewSignal()).Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Commit(NonceLease lease)
    {
        lock (_gate)
        {
            _inFlight--;
            MarkUsed(lease.Nonce);
        }
    }

    /// <inheritdoc />
    public void Release(NonceLease lease)
    {
        lock (_gate)
        {
            _inFlight--;
            var nonce = lease.Nonce;
            if (nonce < _confirmed || _usedAhead.Contains(nonce)) return; // the exchange already counts it as used
            if (nonce == _next - 1)
            {
                // The newest nonce: roll the counter back (and over released ones just below it).
                _next--;
                var closed = 0;
                while (_next > _confirmed && _released.Remove(_next - 1))
                {
                    _next--;
                    closed++;
                }

                Holes(NonceTelemetry.Hole.RolledBack, closed);
            }
            else if (_released.Add(nonce))
            {
                Holes(NonceTelemetry.Hole.Opened, 1);
            }

            Signal();
        }
    }

    /// <inheritdoc />
    public async Task ResyncAsync(NonceLease rejected, CancellationToken cancellationToken = default)
    {
        Release(rejected);
        await RefreshAsync(NonceTelemetry.Trigger.InvalidNonce, cancellationToken).ConfigureAwait(false);
        LighterLog.NonceResync(_logger, AccountIndex, ApiKeyIndex);
    }

    /// <inheritdoc />
    public Task<long> RefreshAsync(CancellationToken cancellationToken = default) =>
        RefreshAsync(NonceTelemetry.Trigger.Refresh, cancellationToken);

    /// <summary><see cref="RefreshAsync(CancellationToken)"/>, saying who asked (a <see cref="NonceTelemetry.Trigger"/> value).</summary>
    internal Task<long> RefreshAsync(string trigger, CancellationToken cancellationToken)
    {
        Task<long> task;
        lock (_gate)
        {
            // Callers that arrive while a fetch is running share it (and its trigger); a finished fetch is never reused.
            if (_refreshTask is null || _refreshTask.IsCompleted) _refreshTask = FetchAndApplyAsync(trigger);
            task = _refreshTask;
        }

        return task.WaitAsync(cancellationToken);
    }

    private async ValueTask<NonceLease> AcquireSlowAsync(CancellationToken cancellationToken) =>
        (await AcquireBatchAsync(1, cancellationToken).ConfigureAwait(false))[0];

    private NonceLease? TryTakeOne()
    {
        long nonce;
        if (_released.Count > 0)
        {
            nonce = _released.Min;
            _released.Remove(nonce);
            Holes(NonceTelemetry.Hole.Filled, 1);
        }
        else if (_next - _confirmed < _window)
        {
            nonce = _next++;
        }
        else
        {
            return null;
        }

        _inFlight++;
        return new NonceLease(nonce);
    }

    private List<NonceLease>? TryTake(int count)
    {
        var leases = new List<NonceLease>(count);
        // Released nonces go first; a batch's fresh part must be consecutive and start inside the window. With the
        // window full, a batch gets only the released nonces (a hole blocks the window until someone fills it).
        var fresh = count - Math.Min(count, _released.Count);
        if (fresh > 0 && _next - _confirmed >= _window)
        {
            if (_released.Count == 0) return null;
            fresh = 0;
        }
        while (leases.Count < count && _released.Count > 0)
        {
            var reused = _released.Min;
            _released.Remove(reused);
            leases.Add(new NonceLease(reused));
        }

        Holes(NonceTelemetry.Hole.Filled, leases.Count);
        for (; fresh > 0; fresh--) leases.Add(new NonceLease(_next++));
        _inFlight += leases.Count;
        return leases;
    }

    private void MarkUsed(long nonce)
    {
        if (nonce < _confirmed) return;
        if (_released.Remove(nonce)) Holes(NonceTelemetry.Hole.Skipped, 1);
        if (nonce != _confirmed)
        {
            _usedAhead.Add(nonce);
            return;
        }

        _confirmed++;
        while (_usedAhead.Remove(_confirmed)) _confirmed++;
        Signal();
    }

    private async Task InitializeOnceAsync(CancellationToken cancellationToken)
    {
        Task init;
        // Exactly one fetch: a second one finishing after leases were handed out would hand the same nonces out twice.
        lock (_gate)
        {
            if (_initTask is null || _initTask.IsFaulted || _initTask.IsCanceled) _initTask = InitializeAsync();
            init = _initTask;
        }

        await init.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task InitializeAsync()
    {
        var serverNext = await _fetchNextNonce(CancellationToken.None).ConfigureAwait(false);
        ArgumentOutOfRangeException.ThrowIfNegative(serverNext, "nextNonce");
        lock (_gate)
        {
            // A RefreshAsync that finished first may already have initialized and leases gone out: resetting the
            // sequence now would hand those nonces out again, so only move forward (a stale lower answer is ignored).
            if (_initialized)
            {
                if (serverNext > _confirmed) Apply(serverNext); // part of initialising: not counted as a resync
                return;
            }

            _confirmed = serverNext;
            _next = serverNext;
            Volatile.Write(ref _initialized, true);
        }
    }

    private async Task<long> FetchAndApplyAsync(string trigger)
    {
        await Task.Yield();
        var serverNext = await _fetchNextNonce(CancellationToken.None).ConfigureAwait(false);
        ArgumentOutOfRangeException.ThrowIfNegative(serverNext, "nextNonce");
        NonceGap? gap;
        string result;
        lock (_gate)
        {
            if (!_initialized)
            {
                _confirmed = _next = serverNext;
                Volatile.Write(ref _initialized, true);
                return serverNext;
            }

            (result, gap) = Apply(serverNext);
        }

        NonceTelemetry.Resynced(AccountIndex, ApiKeyIndex, trigger, result);

        if (gap is not null)
        {
            // Suspected gaps are often a lagging exchange; a repair is worth a warning.
            LighterLog.NonceGap(_logger, gap.Repaired ? LogLevel.Warning : LogLevel.Information, AccountIndex, ApiKeyIndex, gap.ServerNextNonce, gap.ClientNextNonce, gap.Repaired);
            RaiseGapDetected(gap);
        }

        return serverNext;
    }

    private void RaiseGapDetected(NonceGap gap)
    {
        try
        {
            GapDetected?.Invoke(this, gap);
        }
#pragma warning disable CA1031 // A subscriber's bug must not break the submission that happened to observe the gap.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LighterLog.GapHandlerFailed(_logger, ex.GetType().Name);
        }
    }

    /// <summary>Reconciles the sequence with the exchange's next nonce; returns what it found (a <see cref="NonceTelemetry.Result"/> value) and a stall to report.</summary>
    private (string Result, NonceGap? Gap) Apply(long serverNext)
    {
        if (serverNext >= _confirmed)
        {
            _suspectedStall = null;
            if (serverNext == _confirmed) return (NonceTelemetry.Result.InSync, null);
            // The exchange is ahead: everything below its next nonce is used (by us or by another holder of the key).
            _confirmed = serverNext;
            _usedAhead.RemoveWhere(n => n < serverNext);
            Holes(NonceTelemetry.Hole.Skipped, _released.RemoveWhere(n => n < serverNext));
            while (_usedAhead.Remove(_confirmed)) _confirmed++;
            if (_next < _confirmed) _next = _confirmed;
            Signal();
            return (NonceTelemetry.Result.Advanced, null);
        }

        // The exchange waits for a nonce we counted as used. It may only be lagging: act when it stays there.
        var now = _time.GetTimestamp();
        if (_suspectedStall is not { } seen || seen.ServerNext != serverNext)
        {
            _suspectedStall = (serverNext, now);
            return (NonceTelemetry.Result.Behind, new NonceGap(serverNext, _confirmed, Repaired: false));
        }

        if (_time.GetElapsedTime(seen.SeenAt, now) < _stallGrace) return (NonceTelemetry.Result.Behind, null);
        _suspectedStall = null;
        // Hand exactly the missing nonce out again; the ones above it stay used (the exchange may hold them).
        for (var n = serverNext + 1; n < _confirmed; n++) _usedAhead.Add(n);
        var clientNext = _confirmed;
        _confirmed = serverNext;
        _released.Add(serverNext);
        Holes(NonceTelemetry.Hole.Repaired, 1);
        Signal();
        return (NonceTelemetry.Result.Repaired, new NonceGap(serverNext, clientNext, Repaired: true));
    }

    // Recorded under the lock, where the hole changes: a counter add is cheaper than carrying tallies out of it.
    private void Holes(string hole, int count) => NonceTelemetry.Holes(AccountIndex, ApiKeyIndex, hole, count);

    private void Signal()
    {
        if (_changed is not { } changed) return;
        _changed = null;
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
