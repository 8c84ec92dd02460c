using Microsoft.Extensions.Time.Testing;

namespace Lighter.Cli.Tests;

/// <summary>
/// A fake clock that jumps straight to the next short timer (a Retry-After or backoff delay) whenever one is pending,
/// so retries cost no real time, while long timers (attempt and total timeouts) never fire on their own: a slow
/// loopback answer on a busy machine cannot turn into a fake timeout.
/// </summary>
internal sealed class RetryDelayClock(DateTimeOffset start, TimeSpan longestDelay) : FakeTimeProvider(start)
{
    /// <summary>Real time without any timer armed after which a run counts as stuck.</summary>
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(1);

    /// <summary>Real time after which a run counts as stuck even while it keeps arming timers.</summary>
    private static readonly TimeSpan TotalLimit = TimeSpan.FromMinutes(5);

    private readonly List<DateTimeOffset> _pending = [];
    private long _armed;

    /// <summary>How far the clock has been moved in total.</summary>
    public TimeSpan Advanced { get; private set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Armed(dueTime);
        return timer;
    }

    /// <summary>Waits for <paramref name="task"/>, moving the clock to each short timer as it appears.</summary>
    /// <exception cref="TimeoutException">The task is still waiting and no timer was armed for a minute of real time
    /// (every HTTP attempt arms its timeouts, so a run that is only slow keeps arming), or after five minutes.</exception>
    public async Task<T> RunAsync<T>(Task<T> task)
    {
        var started = DateTime.UtcNow;
        var lastActive = started;
        var lastArmed = Interlocked.Read(ref _armed);
        while (!task.IsCompleted)
        {
            var now = DateTime.UtcNow;
            if (Interlocked.Read(ref _armed) is var armed && armed != lastArmed)
            {
                (lastArmed, lastActive) = (armed, now);
            }

            if (now - lastActive > IdleLimit || now - started > TotalLimit)
            {
                throw new TimeoutException($"Still waiting after {(now - started).TotalSeconds:0} s, no timer armed for {(now - lastActive).TotalSeconds:0} s; " +
                    $"the clock moved {Advanced} and jumps only to timers up to {longestDelay}.");
            }

            await Task.WhenAny(task, Task.Delay(5)).ConfigureAwait(false);
            if (NextShortTimer() is { } due)
            {
                Advanced += due - GetUtcNow();
                SetUtcNow(due);
            }
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>Notes a timer armed <paramref name="dueTime"/> from now; short ones become places to jump to.</summary>
    /// <remarks>
    /// Called after the timer is armed, never before: the fake clock computes the timer's due time from its own "now",
    /// and <see cref="RunAsync{T}"/> may move that "now" on another thread at any moment. Read first, a move in between
    /// left the noted time earlier than the real one; the jump then stopped short, the note was dropped as past, and
    /// the timer never fired (a hang with nothing pending). Read after, the note is never early (the clock only moves
    /// forward), so the jump always reaches the timer, at worst a little late.
    /// </remarks>
    private void Armed(TimeSpan dueTime)
    {
        Interlocked.Increment(ref _armed);
        if (dueTime > TimeSpan.Zero && dueTime <= longestDelay)
        {
            var due = GetUtcNow() + dueTime;
            lock (_pending) _pending.Add(due);
        }
    }

    private DateTimeOffset? NextShortTimer()
    {
        var now = GetUtcNow();
        lock (_pending)
        {
            _pending.RemoveAll(due => due <= now);
            return _pending.Count == 0 ? null : _pending.Min();
        }
    }

    /// <summary>Notes re-armed timers too (cancellation timeouts arm theirs through <see cref="ITimer.Change"/>).</summary>
    private sealed class TrackedTimer(ITimer inner, RetryDelayClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
