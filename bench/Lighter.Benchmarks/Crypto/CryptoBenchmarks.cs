using BenchmarkDotNet.Attributes;
using Lighter.Signing;
using Lighter.Signing.Crypto;

namespace Lighter.Benchmarks.Crypto;

/// <summary>Field, hash and signature primitives of the pure managed signer.</summary>
[MemoryDiagnoser]
public class CryptoBenchmarks
{
    private readonly ulong[] _state = new ulong[12];
    private readonly ulong[] _input16 = new ulong[16];
    private readonly byte[] _signature = new byte[80];
    private readonly byte[] _otherSignature = new byte[80];
    private LighterPrivateKey _key = null!;
    private LighterPrivateKey _otherKey = null!;
    private LighterPublicKey _publicKey;
    private bool _flip;
    private LighterPublicKey[] _manyKeys = null!;
    private byte[][] _manySignatures = null!;
    private int _next;
    private Fp5 _a;
    private Fp5 _b;
    private Fp5 _message;
    private ulong _x;
    private ulong _y;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        for (var i = 0; i < _state.Length; i++)
        {
            _state[i] = (ulong)rng.NextInt64();
        }

        for (var i = 0; i < _input16.Length; i++)
        {
            _input16[i] = Goldilocks.ToCanonical((ulong)rng.NextInt64());
        }

        _x = (ulong)rng.NextInt64();
        _y = (ulong)rng.NextInt64();
        _a = new Fp5((ulong)rng.NextInt64(), 2, 3, 4, 5);
        _b = new Fp5(6, (ulong)rng.NextInt64(), 8, 9, 10);
        _message = Poseidon2.HashToQuinticExtension(_input16);
        _key = LighterPrivateKey.Parse("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728");
        _publicKey = _key.PublicKey;
        Schnorr.Sign(_key, _message, _signature);
        _otherKey = LighterPrivateKey.FromSeed(new byte[32]);
        Schnorr.Sign(_otherKey, _message, _otherSignature);

        // More keys than a thread's verification cache holds, so every call meets a key it has not prepared.
        _manyKeys = new LighterPublicKey[64];
        _manySignatures = new byte[64][];
        for (var i = 0; i < _manyKeys.Length; i++)
        {
            var seed = new byte[32];
            seed[0] = (byte)(i + 1);
            using var key = LighterPrivateKey.FromSeed(seed);
            _manyKeys[i] = key.PublicKey;
            _manySignatures[i] = new byte[80];
            Schnorr.Sign(key, _message, _manySignatures[i]);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    [Benchmark(Description = "Goldilocks mul (dependent chain of 16)", OperationsPerInvoke = 16)]
    public ulong GoldilocksMul()
    {
        var x = _x;
        for (var i = 0; i < 16; i++)
        {
            x = Goldilocks.Mul(x, _y);
        }

        _x = x;
        return x;
    }

    [Benchmark(Description = "GF(p^5) mul")]
    public ulong Fp5Mul() => (_a = _a * _b).C0;

    [Benchmark(Description = "GF(p^5) square")]
    public ulong Fp5Square() => _a.Square().C0;

    [Benchmark(Description = "GF(p^5) inverse")]
    public ulong Fp5Inverse() => _a.InverseOrZero().C0;

    [Benchmark(Description = "Poseidon2 permutation")]
    public void Permutation() => Poseidon2.Permute(_state);

    [Benchmark(Description = "Poseidon2 H5 of 16 elements")]
    public ulong Hash16() => Poseidon2.HashToQuinticExtension(_input16).C0;

    [Benchmark(Description = "Schnorr sign (hedged nonce)")]
    public byte[] Sign()
    {
        Schnorr.Sign(_key, _message, _signature);
        return _signature;
    }

    [Benchmark(Description = "Schnorr verify (same key again)")]
    public bool Verify() => Schnorr.Verify(_publicKey, _message, _signature);

    [Benchmark(Description = "Schnorr verify (2 keys alternating)")]
    public bool VerifyAlternatingKeys()
    {
        _flip = !_flip;
        return _flip
            ? Schnorr.Verify(_publicKey, _message, _signature)
            : Schnorr.Verify(_otherKey.PublicKey, _message, _otherSignature);
    }

    [Benchmark(Description = "Schnorr verify (a key not seen recently)")]
    public bool VerifyColdKey()
    {
        var i = _next = (_next + 1) % _manyKeys.Length;
        return Schnorr.Verify(_manyKeys[i], _message, _manySignatures[i]);
    }

    [Benchmark(Description = "Public key decode")]
    public LighterPublicKey DecodePublicKey() => LighterPublicKey.FromBytes(_publicKey.ToArray());
}
