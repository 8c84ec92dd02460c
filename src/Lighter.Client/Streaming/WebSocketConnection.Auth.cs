using Lighter.Signing.Auth;

namespace Lighter.Client.Streaming;

/// <summary>
/// Auth-required subscriptions are renewed before their token expires: shortly ahead of the expiry the socket
/// unsubscribes and subscribes them again with a fresh token (the server sends a fresh snapshot, which the
/// subscriptions take as a full-state refresh).
/// </summary>
internal sealed partial class WebSocketConnection
{
    private static readonly TimeSpan MinimumRefreshDelay = TimeSpan.FromSeconds(1);
    private readonly Lock _authGate = new();
    private ITimer? _authRefresh;
    private DateTimeOffset _authRefreshAt = DateTimeOffset.MaxValue;

    private void ScheduleAuthRefresh(DateTimeOffset expiresAt)
    {
        var due = expiresAt - _options.AuthTokenRefreshMargin;
        lock (_authGate)
        {
            if (_authRefresh is not null && _authRefreshAt <= due)
            {
                return; // An earlier refresh renews this subscription too.
            }

            _authRefresh?.Dispose();
            var delay = due - _time.GetUtcNow();
            _authRefreshAt = due;
            _authRefresh = _time.CreateTimer(_ => _ = RefreshAuthAsync(), null, delay < MinimumRefreshDelay ? MinimumRefreshDelay : delay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RefreshAuthAsync()
    {
        CancelAuthRefresh();
        foreach (var sink in Dispatcher.Sinks.Where(s => s.RequiresAuth))
        {
            // ResyncAsync swallows failures: a socket that drops meanwhile resubscribes everything on reconnect.
            await ResyncAsync(sink).ConfigureAwait(false);
        }
    }

    private void CancelAuthRefresh()
    {
        lock (_authGate)
        {
            _authRefresh?.Dispose();
            _authRefresh = null;
            _authRefreshAt = DateTimeOffset.MaxValue;
        }
    }
}
