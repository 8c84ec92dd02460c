using System.Globalization;
using System.Text.Json;
using Lighter.Signing.Crypto;
using static Lighter.Cli.Commands.ConformanceRunner;

namespace Lighter.Cli.Commands;

/// <summary>Checks <c>poseidon2_extra.json</c>: H5 and HashNoPad for many lengths, non-canonical inputs.</summary>
internal static class ConformancePoseidon2
{
    public static void Run(JsonElement root, string prefix, ConformanceReport report)
    {
        foreach (var vector in root.Array("vectors"))
        {
            report.Vector(prefix + "len_" + vector.I32("len"), problems =>
            {
                var input = vector.Field("input").U64s();
                var h5 = Poseidon2.HashToQuinticExtension(input);
                Expect(problems, "H5", vector.Text("hash_to_quintic_extension_le_hex"), ConformanceTransactions.Hex(h5));
                Span<ulong> noPad = stackalloc ulong[4];
                Poseidon2.HashNoPad(input, noPad);
                Expect(problems, "HashNoPad", Join(vector.Field("hash_no_pad").U64s()), Join(noPad.ToArray()));
            });
        }

        foreach (var vector in root.Array("non_canonical_inputs"))
        {
            report.Vector(prefix + "non_canonical_" + vector.Text("raw"), problems =>
            {
                var raw = Poseidon2.HashToQuinticExtension([1, ulong.Parse(vector.Text("raw"), CultureInfo.InvariantCulture), 2]);
                var reduced = Poseidon2.HashToQuinticExtension([1, ulong.Parse(vector.Text("reduced"), CultureInfo.InvariantCulture), 2]);
                Expect(problems, "hash([1,raw,2])", Join(vector.Field("hash([1,raw,2])").U64s()),
                    Join([raw.C0, raw.C1, raw.C2, raw.C3, raw.C4]));
                Expect(problems, "equal to the reduced input", vector.Bool("equal_to_hash([1,reduced,2])").ToString(),
                    (raw == reduced).ToString());
            });
        }
    }

    private static string Join(ulong[] values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
