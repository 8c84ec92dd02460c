using System.Text.Json;
using Lighter.Signing;
using Lighter.Testing.Transactions;

namespace Lighter.Testing.Exchange;

/// <summary>Transaction admission: decode, validate, verify the signature and nonce, execute, record.</summary>
internal sealed partial class SandboxExchange
{
    /// <summary>The transaction types the sandbox executes; the others are answered with 21505 before anything else.</summary>
    internal static readonly IReadOnlySet<int> Executable = new HashSet<int>
    {
        TxTypes.ChangePubKey, TxTypes.CreateSubAccount, TxTypes.Withdraw, TxTypes.CreateOrder, TxTypes.CancelOrder,
        TxTypes.CancelAllOrders, TxTypes.ModifyOrder, TxTypes.UpdateLeverage,
    };

    /// <summary>The most transactions one batch may carry (error 21514).</summary>
    internal const int MaxBatchSize = 50;

    /// <summary>Admits one signed transaction and returns its hash (hex, no 0x), or throws <see cref="ExchangeException"/>.</summary>
    public string Submit(int txType, string txInfo)
    {
        var tx = DecodedTx.Parse(txType, txInfo);
        lock (_gate)
        {
            var hash = Admit(tx, expectedNonce: null);
            Execute(tx, hash);
            return hash;
        }
    }

    /// <summary>
    /// Admits a batch: one account and API key, consecutive nonces, at most 50 transactions. Every transaction is
    /// verified before any executes; they then execute in order, and the first failure stops the batch.
    /// </summary>
    public IReadOnlyList<string> SubmitBatch(IReadOnlyList<int> txTypes, IReadOnlyList<string> txInfos)
    {
        if (txTypes.Count != txInfos.Count)
        {
            throw new ExchangeException(SandboxErrorCodes.TxInfoTxTypeLengthMismatch, "TxInfos and TxTypes should have the same length");
        }

        if (txTypes.Count > MaxBatchSize)
        {
            throw new ExchangeException(SandboxErrorCodes.MaxBatchTx, "maximum 50 transactions allowed per batch");
        }

        var txs = txTypes.Select((type, i) => DecodedTx.Parse(type, txInfos[i])).ToList();
        if (txs.Select(tx => (tx.AccountIndex, tx.ApiKeyIndex)).Distinct().Count() > 1)
        {
            throw new ExchangeException(SandboxErrorCodes.BatchTxMultipleOwner,
                "all transactions in the batch must have use same account and apikey");
        }

        lock (_gate)
        {
            var hashes = new List<string>(txs.Count);
            long? previous = null;
            foreach (var tx in txs)
            {
                if (previous is { } last && !tx.SkipsNonce && tx.Nonce != last + 1)
                {
                    throw new ExchangeException(SandboxErrorCodes.NonIncreasingNonce, "batch transaction nonce is not increasing");
                }

                hashes.Add(Admit(tx, expectedNonce: previous is { } p ? p + 1 : null));
                previous = tx.SkipsNonce ? previous : tx.Nonce;
            }

            for (var i = 0; i < txs.Count; i++)
            {
                Execute(txs[i], hashes[i]);
            }

            return hashes;
        }
    }

    /// <summary>Checks everything but the execution itself; returns the hash. Does not change state.</summary>
    private string Admit(DecodedTx tx, long? expectedNonce)
    {
        if (!Executable.Contains(tx.TxType))
        {
            throw new ExchangeException(SandboxErrorCodes.UnsupportedTxType, "unsupported tx type");
        }

        TxValidation.Validate(tx, _books.ContainsKey);
        var account = RequireAccount(tx.AccountIndex);
        // ChangePubKey may register a key at a fresh index; it is signed with the new key, nonce sequence 0.
        var key = account.ApiKeys.GetValueOrDefault(tx.ApiKeyIndex);
        if (key is null && tx.TxType != TxTypes.ChangePubKey)
        {
            throw new ExchangeException(SandboxErrorCodes.ApiKeyNotFound, "api key not found");
        }

        if (tx.ExpiredAt <= NowMs)
        {
            throw ExchangeException.InvalidTxInfo("transaction expired");
        }

        var hashBytes = _verifier.Hash(tx);
        var publicKey = tx.TxType == TxTypes.ChangePubKey ? NewPublicKey(tx) : key!.PublicKey;
        if (!TxVerifier.Verify(publicKey, hashBytes, tx.Signature))
        {
            throw new ExchangeException(SandboxErrorCodes.InvalidSignature, "invalid signature");
        }

        // Registering a key also needs the account owner's Ethereum signature over the L1 message.
        if (tx.TxType == TxTypes.ChangePubKey
            && !L1Check.IsSignedBy(L1Check.ChangePubKeyMessage(tx.PubKey, tx.Nonce, tx.AccountIndex, tx.ApiKeyIndex), tx.L1Signature, account.L1Address))
        {
            throw new ExchangeException(SandboxErrorCodes.FailToL1Signature, "fail to l1 signature");
        }

        var hash = Convert.ToHexStringLower(hashBytes);
        var nonceOk = tx.SkipsNonce
            ? !_txs.ContainsKey(hash)
            : expectedNonce is { } expected
                ? tx.Nonce == expected && (key?.Accepts(expected, int.MaxValue) ?? true)
                : key?.Accepts(tx.Nonce, _nonceWindow) ?? tx.Nonce == 0;
        if (!nonceOk)
        {
            throw new ExchangeException(SandboxErrorCodes.InvalidNonce, "invalid nonce");
        }

        return hash;
    }

    private void Execute(DecodedTx tx, string hash)
    {
        var now = NowMs;
        ExpireOrders(now);
        var account = _accounts[tx.AccountIndex];
        var height = Height + 1;
        var eventInfo = tx.TxType switch
        {
            TxTypes.CreateOrder => CreateOrder(tx, account, hash, height, now),
            TxTypes.CancelOrder => CancelOrder(tx, account, now),
            TxTypes.CancelAllOrders => CancelAllOrders(tx, account, now),
            TxTypes.ModifyOrder => ModifyOrder(tx, account, hash, height, now),
            TxTypes.CreateSubAccount => CreateSubAccount(account, now),
            TxTypes.UpdateLeverage => UpdateLeverage(tx, account),
            TxTypes.ChangePubKey => ChangePubKey(tx, account, now),
            TxTypes.Withdraw => Withdraw(tx, account),
            _ => throw new ExchangeException(SandboxErrorCodes.UnsupportedTxType, "unsupported tx type"),
        };

        if (!tx.SkipsNonce)
        {
            account.ApiKeys[tx.ApiKeyIndex].MarkUsed(tx.Nonce);
        }

        Height = height;
        var record = new TxRecord(hash, tx.TxType, tx.TxInfo, eventInfo, Status: 2, tx.AccountIndex, tx.ApiKeyIndex, tx.Nonce,
            tx.ExpiredAt, height, _txLog.Count + 1, now, now);
        _txs[hash] = record;
        _txLog.Add(record);
        foreach (var listener in _listeners)
        {
            listener.OnBlock(height, now);
        }

        PublishBookChanges(now);
    }

    private string CreateSubAccount(AccountState master, long now)
    {
        if (master.MasterIndex is not null)
        {
            throw new ExchangeException(SandboxErrorCodes.InvalidAccountIndex, "invalid account index");
        }

        var sub = NewSubAccount(master, now);
        NotifyAccount(master.Index, [], []);
        return JsonSerializer.Serialize(new Dictionary<string, long> { ["a"] = master.Index, ["s"] = sub.Index });
    }

    private string UpdateLeverage(DecodedTx tx, AccountState account)
    {
        var market = RequireBook(tx["MarketIndex"]).Market;
        if (!account.Positions.TryGetValue(market.MarketId, out var position))
        {
            position = new PositionState();
            account.Positions.Add(market.MarketId, position);
        }

        position.InitialMarginFraction = (int)tx["InitialMarginFraction"];
        position.MarginMode = (int)tx["MarginMode"];
        NotifyAccount(account.Index, [], []);
        return JsonSerializer.Serialize(new Dictionary<string, long>
        {
            ["a"] = account.Index, ["m"] = market.MarketId, ["imf"] = position.InitialMarginFraction,
        });
    }

    private string Withdraw(DecodedTx tx, AccountState account)
    {
        // Only USDC (asset 3) from the perps route is held by the sandbox; amounts are in units of 10^-6 USDC.
        if (tx["AssetIndex"] != 3 || tx["RouteType"] != 0 || tx["Amount"] <= 0)
        {
            throw ExchangeException.InvalidTxInfo("the sandbox withdraws USDC (asset 3) from the perps route only");
        }

        var amount = tx["Amount"] / 1_000_000m;
        if (AvailableBalance(account) < amount)
        {
            throw new ExchangeException(SandboxErrorCodes.NotEnoughCollateral, "not enough collateral");
        }

        account.Collateral -= amount;
        NotifyAccount(account.Index, [], []);
        return JsonSerializer.Serialize(new Dictionary<string, long> { ["a"] = account.Index, ["amount"] = tx["Amount"] });
    }

    private string ChangePubKey(DecodedTx tx, AccountState account, long now)
    {
        // Admission checked the L2 signature against the new key and the L1 signature against the owner's address.
        // A replaced key keeps its nonce sequence (including nonces used out of order).
        if (account.ApiKeys.TryGetValue(tx.ApiKeyIndex, out var existing))
        {
            existing.PublicKey = NewPublicKey(tx);
            existing.RegisteredAtMs = now;
        }
        else
        {
            account.ApiKeys[tx.ApiKeyIndex] = new ApiKeyState { PublicKey = NewPublicKey(tx), RegisteredAtMs = now };
        }

        return JsonSerializer.Serialize(new Dictionary<string, long> { ["a"] = account.Index, ["k"] = tx.ApiKeyIndex });
    }

    private static LighterPublicKey NewPublicKey(DecodedTx tx)
    {
        try
        {
            return LighterPublicKey.FromBytes(tx.PubKey);
        }
        catch (LighterSigningException)
        {
            throw ExchangeException.InvalidTxInfo("PubKey is not a valid public key");
        }
    }

    private void PublishBookChanges(long now)
    {
        foreach (var book in _books.Values)
        {
            var (asks, bids) = book.DrainChanges();
            if (asks.Count + bids.Count == 0)
            {
                continue;
            }

            foreach (var listener in _listeners)
            {
                listener.OnBookChanged(book, asks, bids, now);
            }
        }
    }
}
