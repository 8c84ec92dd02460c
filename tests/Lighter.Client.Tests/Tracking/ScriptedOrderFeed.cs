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

    public Task<IReadOnlyList<OrderObservation>> FetchActiveAsync(CancellationToken cancellationToken)
    {
        Fetches++;
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
