namespace Lighter.Signing.L1;

/// <summary>The shape of an L1 signature in <c>tx_info</c>: <c>0x</c> + 130 hex digits (r ‖ s ‖ v).</summary>
internal static class L1SignatureFormat
{
    public const int SignatureLength = 65;

    /// <summary>Accepts null / empty (not yet signed) or <c>0x</c> + 130 hex digits; anything else is rejected.</summary>
    public static void Validate(string? l1Signature)
    {
        if (string.IsNullOrEmpty(l1Signature))
        {
            return;
        }

        var valid = l1Signature.Length == 2 + (2 * SignatureLength) &&
                    l1Signature.StartsWith("0x", StringComparison.Ordinal) &&
                    l1Signature.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF") == false;
        if (!valid)
        {
            throw new LighterSigningException(
                "L1Sig must be 0x followed by the 65-byte signature in hex (r, s, v).", "L1Sig");
        }
    }
}
