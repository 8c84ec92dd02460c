using Lighter.Client.Tracking;

namespace Lighter.Client.Tests.Tracking;

/// <summary>An order feed the test drives: REST answers set as lists, stream updates pushed by hand.</summary>
internal sealed class ScriptedOrderFeed : IOrderFeed
{
    private Action<IReadOnlyList<OrderObservation>>? _onOrders;
    private Func<CancellationToken, Task>? _onResubscribed;

    public IReadOnlyList<OrderObservation> Active { get; set; } = [];

    /// <summary>Most recently finished first, as the exchange pages them.</summary>
    public IReadOnlyList<OrderObservation> Inactive { get; set; } = [];

    public int Fetches { get; private set; }

    /// <summary>Inactive orders handed out by the last reconciliation.</summary>
    public int InactiveRead { get; private set; }

    public int Subscriptions { get; private set; }

    /// <summary>Runs while the active orders are being read (after the request, before the answer is used).</summary>
    public Action? DuringActiveRead { get; set; }

    /// <summary>Active-order reads that fail (transiently, as a 503 after the pipeline's retries) before one succeeds.</summary>
    public int FailingReads { get; set; }

    private readonly List<(int Count, TaskCompletionSource Reached)> _fetchWaiters = [];

    /// <summary>Completes once <see cref="Fetches"/> has reached <paramref name="count"/> (retries run on the thread pool).</summary>
    public Task FetchesReachedAsync(int count)
    {
        lock (_fetchWaiters)
        {
            if (Fetches >= count) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _fetchWaiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public Task<IReadOnlyList<OrderObservation>> FetchActiveAsync(CancellationToken cancellationToken)
    {
        lock (_fetchWaiters)
        {
            Fetches++;
            foreach (var waiter in _fetchWaiters.Where(w => w.Count <= Fetches)) waiter.Reached.TrySetResult();
        }

        if (FailingReads > 0)
        {
            FailingReads--;
            throw new LighterApiException("accountActiveOrders", System.Net.HttpStatusCode.ServiceUnavailable, null, null, isTransient: true);
        }

        var answer = Active;
        DuringActiveRead?.Invoke();
        return Task.FromResult(answer);
    }

    public async IAsyncEnumerable<OrderObservation> ReadInactiveAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        InactiveRead = 0;
        foreach (var order in Inactive)
        {
            await Task.Yield();
            InactiveRead++;
            yield return order;
        }
    }

    public Task<IAsyncDisposable> SubscribeAsync(Action<IReadOnlyList<OrderObservation>> onOrders, Func<CancellationToken, Task> onResubscribed, CancellationToken cancellationToken)
    {
        Subscriptions++;
        _onOrders = onOrders;
        _onResubscribed = onResubscribed;
        return Task.FromResult<IAsyncDisposable>(new Nothing());
    }

    public void Push(OrderObservation order) => _onOrders!([order]);

    public Task ResubscribedAsync() => _onResubscribed!(CancellationToken.None);

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
