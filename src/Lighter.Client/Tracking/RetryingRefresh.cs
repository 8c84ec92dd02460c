namespace Lighter.Client.Tracking;

/// <summary>
/// A REST refresh run when the stream says changes may have been missed (a (re)subscription, a frame). When it fails
/// transiently (a storm longer than the pipeline's retries) it is tried again in the background, from
/// <see cref="FirstDelay"/> doubling up to <see cref="MaxDelay"/>, until one succeeds (in the background or from the
/// stream) or <see cref="Stop"/> is called, so a tracker does not stay stale until the next frame or reconnect.
/// </summary>
internal sealed class RetryingRefresh(Func<CancellationToken, Task> refresh, TimeProvider time)
{
    /// <summary>First wait before a failed refresh is tried again.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two tries.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _lifetime = new();
    private bool _stale;
    private int _retrying;

    /// <summary>Refreshes now; a transient failure starts the background retries and still reaches the caller (who logs it).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (LighterApiException ex) when (ex.IsTransient)
        {
            if (Interlocked.Exchange(ref _retrying, 1) == 0) _ = RetryAsync();
            throw;
        }
    }

    /// <summary>Ends the background retries (the owner is disposed).</summary>
    public void Stop() => _lifetime.Cancel();

    private async Task RefreshOnceAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _stale, true);
        await refresh(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _stale, false);
    }

    private async Task RetryAsync()
    {
        var delay = FirstDelay;
        try
        {
            while (Volatile.Read(ref _stale))
            {
                // The timer exists before this method first yields, so a fake clock can move past it at once.
                await Task.Delay(delay, time, _lifetime.Token).ConfigureAwait(false);
                if (!Volatile.Read(ref _stale)) return; // a refresh from the stream succeeded meanwhile
                try
                {
                    await RefreshOnceAsync(_lifetime.Token).ConfigureAwait(false);
                }
                catch (LighterApiException ex) when (ex.IsTransient)
                {
                    delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or LighterApiException)
        {
            // Stopped, or a lasting refusal: the next refresh from the stream tries again.
        }
        finally
        {
            Volatile.Write(ref _retrying, 0);
        }
    }
}
