using FsCheck.Xunit;
using Lighter.Client.Nonces;

namespace Lighter.Client.Tests.Nonces;

/// <summary>
/// Random interleavings of acquire / commit / release / refresh against a model exchange (a set of used nonces; its
/// next nonce is the lowest unused): no nonce is leased twice at once, no nonce is committed twice, and once every
/// lease has ended and the released nonces were reused, the committed nonces are gap-free from the first.
/// Fixed seeds (Replay), so CI runs the same 300 sequences.
/// </summary>
public sealed class NonceSequencePropertyTests
{
    [Property(MaxTest = 300, Replay = "4242,1337", QuietOnSuccess = true)]
    public bool Committed_nonces_stay_distinct_and_gap_free_whatever_the_interleaving(int[] operations, byte startByte)
    {
        var start = (long)startByte;
        var used = new SortedSet<long>();
        long ExchangeNext()
        {
            var next = start;
            while (used.Contains(next)) next++;
            return next;
        }

        var manager = new NonceManager(1, 0, _ => Task.FromResult(ExchangeNext()), window: 1_000);
        var leased = new List<long>();
        foreach (var op in operations ?? [])
        {
            var pick = leased.Count == 0 ? 0 : (int)((uint)op / 4 % (uint)leased.Count);
            switch ((uint)op % 4)
            {
                case 0:
                    var lease = manager.AcquireAsync().AsTask().GetAwaiter().GetResult();
                    if (leased.Contains(lease.Nonce) || used.Contains(lease.Nonce)) return false; // leased twice, or reused after commit
                    leased.Add(lease.Nonce);
                    break;
                case 1 when leased.Count > 0:
                    if (!used.Add(leased[pick])) return false; // committed twice
                    manager.Commit(new NonceLease(leased[pick]));
                    leased.RemoveAt(pick);
                    break;
                case 2 when leased.Count > 0:
                    manager.Release(new NonceLease(leased[pick]));
                    leased.RemoveAt(pick);
                    break;
                case 3:
                    manager.RefreshAsync().GetAwaiter().GetResult();
                    break;
            }
        }

        // End every lease as released, then let later transactions take the released nonces until none is left.
        foreach (var nonce in leased) manager.Release(new NonceLease(nonce));
        while (manager.ReleasedCount > 0)
        {
            var lease = manager.AcquireAsync().AsTask().GetAwaiter().GetResult();
            if (!used.Add(lease.Nonce)) return false;
            manager.Commit(lease);
        }

        manager.RefreshAsync().GetAwaiter().GetResult(); // the exchange and the client agree on what comes next
        var expected = used.Count == 0 ? [] : Enumerable.Range(0, used.Count).Select(i => start + i);
        return manager.InFlight == 0 && used.SequenceEqual(expected) && manager.ConfirmedNext == start + used.Count;
    }
}
