using Microsoft.Extensions.Time.Testing;

namespace Lighter.Cli.Tests;

/// <summary>
/// A fake clock that jumps straight to the next short timer (a Retry-After or backoff delay) whenever one is pending,
/// so retries cost no real time, while long timers (attempt and total timeouts) never fire on their own: a slow
/// loopback answer on a busy machine cannot turn into a fake timeout.
/// </summary>
internal sealed class RetryDelayClock(DateTimeOffset start, TimeSpan longestDelay) : FakeTimeProvider(start)
{
    private readonly List<DateTimeOffset> _pending = [];

    /// <summary>How far the clock has been moved in total.</summary>
    public TimeSpan Advanced { get; private set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Schedule(dueTime);
        return new TrackedTimer(base.CreateTimer(callback, state, dueTime, period), this);
    }

    /// <summary>Waits for <paramref name="task"/>, moving the clock to each short timer as it appears.</summary>
    /// <exception cref="TimeoutException">The task is still waiting after a minute of real time (e.g. on a timer
    /// longer than the longest delay, which this clock never reaches).</exception>
    public async Task<T> RunAsync<T>(Task<T> task)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"Still waiting after a minute; the clock moved {Advanced} and jumps only to timers up to {longestDelay}.");
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

    private void Schedule(TimeSpan dueTime)
    {
        if (dueTime > TimeSpan.Zero && dueTime <= longestDelay)
        {
            lock (_pending) _pending.Add(GetUtcNow() + dueTime);
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
            clock.Schedule(dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
