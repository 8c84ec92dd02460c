using Lighter.Client.Streaming;

namespace Lighter.Client.Tracking;

/// <summary>
/// Reads a subscription on a background task until disposed; disposing stops the reader and unsubscribes. When the
/// subscription dropped messages (the reader fell behind), <c>onGap</c> runs before the next message is handled.
/// </summary>
internal sealed class StreamPump<T> : IAsyncDisposable
    where T : class
{
    private readonly LighterSubscription<T> _subscription;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StreamPump(LighterSubscription<T> subscription, Func<T, CancellationToken, Task> onMessage, Action<Exception> onError,
        Func<CancellationToken, Task>? onGap = null)
    {
        _subscription = subscription;
        _loop = Task.Run(() => RunAsync(onMessage, onGap, onError));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _subscription.DisposeAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(Func<T, CancellationToken, Task> onMessage, Func<CancellationToken, Task>? onGap, Action<Exception> onError)
    {
        var dropped = 0L;
        try
        {
            await foreach (var message in _subscription.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    var droppedNow = _subscription.DroppedMessages;
                    if (onGap is not null && droppedNow != dropped)
                    {
                        dropped = droppedNow;
                        await onGap(_stop.Token).ConfigureAwait(false);
                    }

                    await onMessage(message, _stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One failed reconcile must not end tracking: the next snapshot frame retries it.
                    onError(ex);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (LighterConnectionException ex)
        {
            onError(ex);
        }
    }
}
