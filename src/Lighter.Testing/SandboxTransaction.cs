namespace Lighter.Testing;

/// <summary>A transaction the sandbox executed.</summary>
/// <param name="Hash">Its hash (hex, no <c>0x</c>), as <c>sendTx</c> answered it.</param>
/// <param name="TxType">Transaction type number.</param>
/// <param name="ApiKeyIndex">The API key that signed it.</param>
/// <param name="Nonce">Its nonce.</param>
public sealed record SandboxTransaction(string Hash, int TxType, int ApiKeyIndex, long Nonce);
