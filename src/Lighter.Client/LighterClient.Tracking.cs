using Lighter.Client.Tracking;
using Lighter.Client.Submission;
using Microsoft.Extensions.Logging;

namespace Lighter.Client;

/// <summary>Order tracking, account state and execution waits for the configured account.</summary>
public sealed partial class LighterClient
{
    private readonly Lock _trackingGate = new();
    private OrderTracker? _orderTracker;
    private AccountTracker? _accountTracker;

    /// <inheritdoc />
    public OrderTracker Orders
    {
        get
        {
            lock (_trackingGate)
            {
                return _orderTracker ??= new OrderTracker(new ClientOrderFeed(this, RequireAccount(), LoggerFactory.CreateLogger<OrderTracker>()), TimeProvider);
            }
        }
    }

    /// <inheritdoc />
    public AccountTracker AccountState
    {
        get
        {
            var orders = Orders;
            lock (_trackingGate)
            {
                return _accountTracker ??= new AccountTracker(new ClientAccountFeed(this, RequireAccount(), LoggerFactory.CreateLogger<AccountTracker>()), orders, TimeProvider);
            }
        }
    }

    /// <inheritdoc />
    public Task<ExecutionResult> WaitForExecutionAsync(TxSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        OrderTracker? tracker;
        lock (_trackingGate) tracker = _orderTracker;
        return new ExecutionWaiter(this, tracker, Options.AccountIndex).WaitAsync(submission.TxHash, cancellationToken);
    }

    /// <summary>Shows a just-submitted order as pending in the tracker, when one exists.</summary>
    private void TrackPending(TxSubmission submission, short marketId, Signing.Transactions.OrderSide side, decimal price, decimal size, long clientOrderIndex)
    {
        OrderTracker? tracker;
        lock (_trackingGate) tracker = _orderTracker;
        tracker?.TrackPending(submission.TxHash, marketId, side, price, size, clientOrderIndex);
    }

    /// <summary>Detaches the trackers so that disposal stops them once.</summary>
    private (OrderTracker? Orders, AccountTracker? Account) TakeTrackersForDisposal()
    {
        lock (_trackingGate)
        {
            var taken = (_orderTracker, _accountTracker);
            _orderTracker = null;
            _accountTracker = null;
            return taken;
        }
    }

    private long RequireAccount() =>
        Options.AccountIndex ?? throw new LighterConfigurationException("This client has no AccountIndex configured, so it has no orders or account state to track.");
}
