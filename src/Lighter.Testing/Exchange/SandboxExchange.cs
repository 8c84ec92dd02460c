using System.Globalization;
using Lighter.Signing;
using Lighter.Testing.Transactions;

namespace Lighter.Testing.Exchange;

/// <summary>
/// The sandbox's exchange state: accounts, API keys and nonces, markets and their books, orders, trades,
/// transactions and the block height. Every change happens under one lock, and listeners are told about it
/// under that lock, so WebSocket subscribers see changes in exactly the order they were made.
/// </summary>
internal sealed partial class SandboxExchange
{
    /// <summary>The first order index the exchange hands out: order indices live above client order indices (2^48).</summary>
    internal const long FirstOrderIndex = 1L << 48;

    /// <summary>Sub-account indices start at 2^47 (lighter-go <c>MinSubAccountIndex</c>).</summary>
    internal const long FirstSubAccountIndex = 1L << 47;

    private readonly object _gate = new();
    private readonly Dictionary<long, AccountState> _accounts = [];
    private readonly Dictionary<int, MarketBook> _books = [];
    private readonly Dictionary<long, OrderState> _orders = [];
    private readonly Dictionary<int, List<TradeRecord>> _trades = [];
    private readonly Dictionary<string, TxRecord> _txs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TxRecord> _txLog = [];
    private readonly List<IExchangeListener> _listeners = [];
    private readonly TimeProvider _time;
    private readonly int _nonceWindow;
    private readonly TxVerifier _verifier;
    private long _nextMasterIndex = 1;
    private long _nextSubIndex = FirstSubAccountIndex;
    private long _nextOrderIndex = FirstOrderIndex;
    private long _nextTradeId = 1;

    public SandboxExchange(uint chainId, IEnumerable<SandboxMarket> markets, TimeProvider time, int nonceWindow = LighterSandboxOptions.DefaultNonceWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nonceWindow, 1);
        ChainId = chainId;
        _nonceWindow = nonceWindow;
        _time = time;
        _verifier = new TxVerifier(chainId);
        foreach (var market in markets)
        {
            _books.Add(market.MarketId, new MarketBook(market));
            _trades.Add(market.MarketId, []);
        }
    }

    /// <summary>The chain id every transaction must be signed for.</summary>
    public uint ChainId { get; }

    /// <summary>The current block height (one block per accepted transaction).</summary>
    public long Height { get; private set; }

    /// <summary>The listed markets, by id.</summary>
    public IEnumerable<SandboxMarket> Markets => _books.Values.Select(book => book.Market);

    /// <summary>The current time in Unix milliseconds.</summary>
    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Runs <paramref name="action"/> under the exchange lock (consistent reads, ordered subscriptions).</summary>
    public T Read<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    /// <summary>Adds a listener that is told about every change, under the lock.</summary>
    public void AddListener(IExchangeListener listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }
    }

    /// <summary>Creates a master account holding <paramref name="collateral"/> USDC.</summary>
    public AccountState CreateAccount(decimal collateral, string? l1Address)
    {
        if (collateral < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(collateral), collateral, "Collateral cannot be negative.");
        }

        lock (_gate)
        {
            var index = _nextMasterIndex++;
            var account = new AccountState
            {
                Index = index,
                L1Address = l1Address ?? "0x" + index.ToString("x40", CultureInfo.InvariantCulture),
                Collateral = collateral,
                CreatedAtMs = NowMs,
            };
            _accounts.Add(index, account);
            return account;
        }
    }

    /// <summary>Creates a sub-account of a master account (what the CreateSubAccount transaction does).</summary>
    public AccountState CreateSubAccount(long masterIndex, decimal collateral)
    {
        lock (_gate)
        {
            var master = RequireAccount(masterIndex);
            if (master.MasterIndex is not null)
            {
                throw new ArgumentException($"Account {masterIndex} is itself a sub-account.", nameof(masterIndex));
            }

            var sub = NewSubAccount(master, NowMs);
            sub.Collateral = collateral;
            return sub;
        }
    }

    private AccountState NewSubAccount(AccountState master, long now)
    {
        var sub = new AccountState { Index = _nextSubIndex++, L1Address = master.L1Address, MasterIndex = master.Index, CreatedAtMs = now };
        _accounts.Add(sub.Index, sub);
        return sub;
    }

    /// <summary>Registers (or replaces) the public key at an API key index; its nonce sequence starts at 0.</summary>
    public void RegisterApiKey(long accountIndex, int apiKeyIndex, LighterPublicKey publicKey)
    {
        if (apiKeyIndex is < 0 or > 254)
        {
            throw new ArgumentOutOfRangeException(nameof(apiKeyIndex), apiKeyIndex, "API key indices are 0..254.");
        }

        lock (_gate)
        {
            var account = _accounts.TryGetValue(accountIndex, out var found)
                ? found
                : throw new ArgumentException($"Account {accountIndex} does not exist in the sandbox.", nameof(accountIndex));
            account.ApiKeys[apiKeyIndex] = new ApiKeyState { PublicKey = publicKey, RegisteredAtMs = NowMs };
        }
    }

    /// <summary>Adds USDC collateral to an account (a deposit).</summary>
    public void Deposit(long accountIndex, decimal amount)
    {
        lock (_gate)
        {
            RequireAccount(accountIndex).Collateral += amount;
            NotifyAccount(accountIndex, [], []);
        }
    }

    /// <summary>The next nonce of an (account, API key) pair, as <c>GET /api/v1/nextNonce</c> reports it.</summary>
    public long NextNonce(long accountIndex, int apiKeyIndex)
    {
        lock (_gate)
        {
            var account = RequireAccount(accountIndex);
            return account.ApiKeys.TryGetValue(apiKeyIndex, out var key)
                ? key.NextNonce
                : throw new ExchangeException(SandboxErrorCodes.ApiKeyNotFound, "api key not found");
        }
    }

    internal AccountState RequireAccount(long accountIndex) =>
        _accounts.TryGetValue(accountIndex, out var account)
            ? account
            : throw new ExchangeException(SandboxErrorCodes.AccountNotFound, "account not found");

    internal AccountState? FindAccount(long accountIndex) => _accounts.GetValueOrDefault(accountIndex);

    internal IEnumerable<AccountState> AccountsOf(string l1Address) =>
        _accounts.Values.Where(a => string.Equals(a.L1Address, l1Address, StringComparison.OrdinalIgnoreCase)).OrderBy(a => a.Index);

    internal MarketBook RequireBook(long marketId) =>
        marketId is >= 0 and <= int.MaxValue && _books.TryGetValue((int)marketId, out var book)
            ? book
            : throw new ExchangeException(SandboxErrorCodes.InvalidMarketIndex, "invalid market index");

    internal MarketBook? FindBook(int marketId) => _books.GetValueOrDefault(marketId);

    internal IReadOnlyList<TradeRecord> TradesOf(int marketId) => _trades[marketId];

    internal IEnumerable<OrderState> OrdersOf(long accountIndex) =>
        _orders.Values.Where(o => o.AccountIndex == accountIndex).OrderBy(o => o.OrderIndex);

    internal TxRecord? FindTx(string hash) => _txs.GetValueOrDefault(hash.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hash[2..] : hash);

    internal IReadOnlyList<TxRecord> TxLog => _txLog;

    /// <summary>The price the sandbox marks positions at: the last trade, else the middle of the book, else 0.</summary>
    internal decimal MarkPrice(SandboxMarket market)
    {
        var trades = _trades[market.MarketId];
        if (trades.Count > 0)
        {
            return market.ToPrice(trades[^1].Price);
        }

        var book = _books[market.MarketId];
        var (bid, ask) = (book.Best(false), book.Best(true));
        return (bid, ask) switch
        {
            ({ } b, { } a) => market.ToPrice(b.Price + a.Price) / 2,
            ({ } b, null) => market.ToPrice(b.Price),
            (null, { } a) => market.ToPrice(a.Price),
            _ => 0m,
        };
    }

    /// <summary>The total long position of all accounts in a market (= open interest), in base units.</summary>
    internal long OpenLongUnits(int marketId) =>
        _accounts.Values.Sum(a => a.Positions.TryGetValue(marketId, out var p) && p.Size > 0 ? p.Size : 0);

    /// <summary>Collateral plus unrealized PnL of every position.</summary>
    internal decimal TotalAccountValue(AccountState account) =>
        account.Collateral + account.Positions.Sum(p => PositionMath.Unrealized(p.Value, _books[p.Key].Market, MarkPrice(_books[p.Key].Market)));

    /// <summary>Initial margin held by positions and resting orders (leaving out <paramref name="excluded"/>).</summary>
    internal decimal InitialMarginRequirement(AccountState account, OrderState? excluded = null)
    {
        var positions = account.Positions.Sum(p =>
        {
            var market = _books[p.Key].Market;
            var notional = market.ToSize(Math.Abs(p.Value.Size)) * MarkPrice(market);
            return PositionMath.InitialMargin(notional, MarginFraction(account, market));
        });
        var orders = _orders.Values.Where(o => o.AccountIndex == account.Index && o.IsActive && !o.ReduceOnly && o != excluded)
            .Sum(o => PositionMath.InitialMargin(o.Market.ToPrice(o.Price) * o.Market.ToSize(o.RemainingBase), MarginFraction(account, o.Market)));
        return positions + orders;
    }

    /// <summary>What the account can still commit: total value minus the initial margin in use.</summary>
    internal decimal AvailableBalance(AccountState account, OrderState? excluded = null) =>
        TotalAccountValue(account) - InitialMarginRequirement(account, excluded);

    internal static int MarginFraction(AccountState account, SandboxMarket market) =>
        account.Positions.TryGetValue(market.MarketId, out var position) && position.InitialMarginFraction > 0
            ? position.InitialMarginFraction
            : market.InitialMarginFraction;

    private void NotifyAccount(long accountIndex, IReadOnlyList<OrderState> orders, IReadOnlyList<TradeRecord> trades)
    {
        foreach (var listener in _listeners)
        {
            listener.OnAccountChanged(accountIndex, orders, trades);
        }
    }
}
