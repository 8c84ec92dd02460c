namespace Lighter.Testing;

/// <summary>An account created in the sandbox.</summary>
/// <param name="Index">The account index used in transactions and queries.</param>
/// <param name="L1Address">The (made-up) Ethereum address that owns it.</param>
public sealed record SandboxAccount(long Index, string L1Address);
