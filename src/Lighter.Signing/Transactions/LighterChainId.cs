using System.Globalization;

namespace Lighter.Signing.Transactions;

/// <summary>
/// The chain id hashed into every transaction (and shown in Transfer / ApproveIntegrator L1 messages). Always
/// chosen explicitly: a transaction signed for the wrong chain is rejected by the exchange.
/// </summary>
/// <param name="Value">The numeric chain id.</param>
public readonly record struct LighterChainId(uint Value)
{
    /// <summary>Lighter mainnet (304).</summary>
    public static LighterChainId Mainnet { get; } = new(304);

    /// <summary>Lighter testnet (300).</summary>
    public static LighterChainId Testnet { get; } = new(300);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
