using Lighter.Signing.Primitives;
using BenchmarkDotNet.Attributes;
using Lighter.Signing;
using Lighter.Signing.Crypto;
using Lighter.Signing.Transactions;

namespace Lighter.Benchmarks.Signing;

/// <summary>CreateOrder: hash alone, tx_info alone, and end to end (validate, hash, sign, tx_info).</summary>
[MemoryDiagnoser]
public class CreateOrderBenchmarks
{
    private static readonly TxHeader Header = new(AccountIndex: 1, ApiKeyIndex: 0, Nonce: 7, ExpiredAt: 1_767_225_600_000);
    private readonly byte[] _signature = new byte[80];
    private LighterPrivateKey _key = null!;
    private LighterSigner _signer = null!;
    private SchnorrCommitmentPool _pool = null!;
    private LighterSigner _pooledSigner = null!;
    private CreateOrder _order = null!;
    private long _nonce;

    [GlobalSetup]
    public void Setup()
    {
        _key = LighterPrivateKey.Parse("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728");
        _signer = new LighterSigner(_key, LighterChainId.Mainnet, accountIndex: 1, apiKeyIndex: 0);
        _pool = new SchnorrCommitmentPool(_key);
        _pooledSigner = new LighterSigner(_key, LighterChainId.Mainnet, 1, 0, commitmentPool: _pool);
        _order = new CreateOrder
        {
            MarketIndex = 0, ClientOrderIndex = 1, BaseAmount = 1000, Price = 50_000,
            Type = OrderType.Limit, TimeInForce = OrderTimeInForce.GoodTillTime, OrderExpiry = 1_769_644_800_000,
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pool.Dispose();
        _key.Dispose();
    }

    [Benchmark]
    public ulong Hash() => _order.Hash(LighterChainId.Mainnet, Header).C0;

    [Benchmark]
    public string TxInfo() => _order.ToTxInfo(Header, _signature);

    [Benchmark]
    public SignedTransaction EndToEnd() => _signer.Sign(_order, _nonce++, Header.ExpiredAt);

    [Benchmark]
    public SignedTransaction EndToEndWithCommitmentPool() => _pooledSigner.Sign(_order, _nonce++, Header.ExpiredAt);
}
