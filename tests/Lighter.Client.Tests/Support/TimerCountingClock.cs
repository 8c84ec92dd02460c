using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.Support;

/// <summary>A fake clock that counts the timers created on it, so a test can move it only once a background wait is armed.</summary>
internal sealed class TimerCountingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _created;

    public int TimersCreated => Volatile.Read(ref _created);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _created);
        return timer;
    }

    /// <summary>Waits (real time, bounded) until <paramref name="count"/> timers have been created.</summary>
    public async Task TimersCreatedAsync(int count)
    {
        var guard = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (TimersCreated < count)
        {
            if (DateTime.UtcNow > guard) throw new TimeoutException($"{TimersCreated} timers created, expected {count}.");
            await Task.Yield();
        }
    }
}
