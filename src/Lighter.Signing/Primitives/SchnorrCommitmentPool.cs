using System.Buffers.Binary;
using System.Diagnostics;

using Lighter.Signing.Crypto;

namespace Lighter.Signing.Primitives;

/// <summary>
/// An opt-in pool of precomputed Schnorr commitments (k, Encode(k·G)) for one key, refilled by a background
/// thread, so that signing on the hot path costs one Poseidon2 hash and a few scalar operations. Each commitment
/// is handed out at most once and wiped from the pool as it is taken. Thread-safe.
/// </summary>
/// <remarks>
/// Pool nonces cannot depend on the message (they exist before it does). They are derived as
/// <c>HMAC-SHA512(sk, tag ‖ 32 fresh random bytes ‖ counter ‖ timestamp) mod n</c>, so they stay unique for the
/// pool's lifetime even if the RNG fails. Prefer plain <see cref="Schnorr.Sign(LighterPrivateKey, in Fp5, Span{byte})"/>
/// (message-bound hedged nonces) unless latency matters. When the pool is empty, signing falls back to it.
/// </remarks>
public sealed class SchnorrCommitmentPool : IDisposable
{
    private readonly Scalar[] _nonces;
    private readonly Fp5[] _commitments;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _refill = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread? _worker;
    private int _head;
    private int _count;
    private long _counter;
    private int _disposed;

    /// <summary>Creates a pool for <paramref name="key"/> and, by default, starts filling it in the background.</summary>
    /// <param name="key">The key whose signatures will use the commitments (not owned by the pool).</param>
    /// <param name="capacity">Maximum number of stored commitments (1 to 1,000,000).</param>
    /// <param name="backgroundRefill">False to fill only through <see cref="Fill"/> (e.g. in tests).</param>
    /// <exception cref="LighterSigningException">Capacity out of range.</exception>
    public SchnorrCommitmentPool(LighterPrivateKey key, int capacity = 1024, bool backgroundRefill = true)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (capacity is < 1 or > 1_000_000)
        {
            throw new LighterSigningException("The pool capacity must be between 1 and 1,000,000.", nameof(capacity));
        }

        _ = key.PublicKey; // fails fast on a disposed key
        Key = key;
        Capacity = capacity;
        _nonces = new Scalar[capacity];
        _commitments = new Fp5[capacity];
        if (backgroundRefill)
        {
            _worker = new Thread(RefillLoop)
            {
                IsBackground = true,
                Name = "Lighter Schnorr commitment pool",
                Priority = ThreadPriority.BelowNormal,
            };
            _worker.Start();
        }
    }

    /// <summary>Maximum number of stored commitments.</summary>
    public int Capacity { get; }

    /// <summary>Number of commitments ready for use.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    internal LighterPrivateKey Key { get; }

    /// <summary>Fills the pool to capacity on the calling thread (warm-up before a burst).</summary>
    /// <exception cref="ObjectDisposedException">The pool or its key was disposed.</exception>
    public void Fill()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        while (Count < Capacity && TryAddOne())
        {
        }
    }

    /// <summary>Stops the background thread and wipes every stored nonce.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _worker?.Join();
        lock (_gate)
        {
            Array.Clear(_nonces);
            Array.Clear(_commitments);
            _count = 0;
        }

        _stop.Dispose();
        _refill.Dispose();
    }

    /// <summary>Takes one commitment, removing (and wiping) it from the pool.</summary>
    internal bool TryTake(out Scalar k, out Fp5 r)
    {
        bool lowWater;
        lock (_gate)
        {
            if (_count == 0 || _disposed != 0)
            {
                k = default;
                r = default;
                return false;
            }

            k = _nonces[_head];
            r = _commitments[_head];
            _nonces[_head] = default;
            _head = (_head + 1) % Capacity;
            _count--;
            lowWater = _count <= Capacity / 2;
        }

        if (lowWater && _worker is not null && _refill.CurrentCount == 0)
        {
            Wake();
        }

        return true;
    }

    private void Wake()
    {
        try
        {
            _refill.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
        catch (ObjectDisposedException)
        {
            // Racing with Dispose: nothing left to refill.
        }
    }

    private void RefillLoop()
    {
        try
        {
            while (true)
            {
                while (Count < Capacity && TryAddOne())
                {
                }

                _refill.Wait(_stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (ObjectDisposedException)
        {
            // The key was disposed: stop refilling; signing falls back to fresh nonces and reports the key's state.
        }
    }

    /// <summary>Computes one commitment outside the lock and stores it; false once disposed.</summary>
    private bool TryAddOne()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return false;
        }

        var k = DeriveNonce();
        var r = GeneratorTable.Multiply(k).Encode();
        lock (_gate)
        {
            if (_disposed != 0 || _count == Capacity)
            {
                return false;
            }

            var slot = (_head + _count) % Capacity;
            _nonces[slot] = k;
            _commitments[slot] = r;
            _count++;
            return true;
        }
    }

    private Scalar DeriveNonce()
    {
        Span<byte> input = stackalloc byte[24 + 32 + 8 + 8];
        "lighter-schnorr-pool-v1\0"u8.CopyTo(input);
        BinaryPrimitives.WriteInt64LittleEndian(input.Slice(56, 8), Interlocked.Increment(ref _counter));
        BinaryPrimitives.WriteInt64LittleEndian(input.Slice(64, 8), Stopwatch.GetTimestamp());
        return HedgedNonce.FromHmac(Key.SecretBytes, input, randomOffset: 24);
    }
}
