using System.Text.Json;
using Lighter.Signing.Transactions.Conformance;
using static Lighter.Cli.Commands.ConformanceRunner;

namespace Lighter.Cli.Commands;

/// <summary>Checks <c>invalid_transactions.json</c>: each case is rejected with the official error text.</summary>
internal static class ConformanceInvalid
{
    public static void Run(JsonElement root, string prefix, ConformanceReport report)
    {
        foreach (var vector in root.Array("vectors"))
        {
            var name = vector.Text("name");
            report.Vector(prefix + name, problems =>
            {
                if (!InvalidTransactionSamples.Names.Contains(name, StringComparer.Ordinal))
                {
                    problems.Add("no input known for this case (the file records only the name and the error)");
                    return;
                }

                var rejection = InvalidTransactionSamples.Reject(name);
                Expect(problems, "error", vector.Text("error"), rejection?.Message ?? "(accepted)");
            });
        }
    }
}
