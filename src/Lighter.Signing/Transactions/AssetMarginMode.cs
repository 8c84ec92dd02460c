namespace Lighter.Signing.Transactions;

/// <summary>Whether an account uses an asset as margin.</summary>
public enum AssetMarginMode : byte
{
    /// <summary>The asset is not used as margin.</summary>
    Disabled = 0,

    /// <summary>The asset is used as margin.</summary>
    Enabled = 1,
}
