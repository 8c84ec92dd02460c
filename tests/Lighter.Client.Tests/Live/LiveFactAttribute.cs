namespace Lighter.Client.Tests.Live;

/// <summary>
/// A test against the real testnet: skipped unless <c>LIGHTER_LIVE=testnet</c> (CI has no network). With
/// <see cref="NeedsAccount"/>, also skipped unless <c>LIGHTER_ACCOUNT_INDEX</c>, <c>LIGHTER_API_KEY_INDEX</c> and
/// <c>LIGHTER_PRIVATE_KEY</c> are set. Run with <c>dotnet test --filter Category=Live</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LiveFactAttribute : FactAttribute
{
    private static readonly string[] AccountVariables = ["LIGHTER_ACCOUNT_INDEX", "LIGHTER_API_KEY_INDEX", "LIGHTER_PRIVATE_KEY"];

    public LiveFactAttribute(bool needsAccount = false)
    {
        NeedsAccount = needsAccount;
        Timeout = 60_000;
        if (!string.Equals(Environment.GetEnvironmentVariable("LIGHTER_LIVE"), "testnet", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "Live test: set LIGHTER_LIVE=testnet to run it against the real testnet.";
        }
        else if (needsAccount && AccountVariables.Any(v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))))
        {
            Skip = "Live trading test: set " + string.Join(", ", AccountVariables) + " for a testnet account.";
        }
    }

    public bool NeedsAccount { get; }
}
