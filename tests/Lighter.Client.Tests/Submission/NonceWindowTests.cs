using Lighter.Client.Submission;

namespace Lighter.Client.Tests.Submission;

public class NonceWindowTests
{
    [Fact]
    public void Nonces_inside_the_window_enter_at_once()
    {
        var window = new NonceWindow(4);
        for (long n = 10; n < 14; n++)
        {
            Assert.True(window.EnterAsync(n, CancellationToken.None).IsCompletedSuccessfully);
        }

        Assert.False(window.EnterAsync(14, CancellationToken.None).IsCompleted); // 4 ahead of 10: outside a window of 4
    }

    [Fact]
    public async Task A_nonce_past_the_window_waits_until_the_lowest_in_flight_ends()
    {
        var window = new NonceWindow(4);
        await window.EnterAsync(10, CancellationToken.None);
        await window.EnterAsync(11, CancellationToken.None);

        var far = window.EnterAsync(14, CancellationToken.None).AsTask();
        Assert.False(far.IsCompleted);
        window.Exit(11); // not the lowest: the window does not move
        Assert.False(far.IsCompleted);
        window.Exit(10);

        await far.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_window_so_it_cannot_block_others()
    {
        var window = new NonceWindow(2);
        await window.EnterAsync(5, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = window.EnterAsync(7, cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        window.Exit(5);
        Assert.True(window.EnterAsync(9, CancellationToken.None).IsCompletedSuccessfully); // 7 is gone, 9 is now the lowest
    }

    [Fact]
    public void The_size_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NonceWindow(0));
}
