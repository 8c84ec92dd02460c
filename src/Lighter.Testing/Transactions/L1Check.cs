using System.Globalization;
using Nethereum.Signer;

namespace Lighter.Testing.Transactions;

/// <summary>
/// The L1 (Ethereum) part of ChangePubKey: the message the account's owner signs with EIP-191
/// <c>personal_sign</c> (signing notes §9), and recovery of the signing address from <c>L1Sig</c>.
/// </summary>
internal static class L1Check
{
    /// <summary>The ChangePubKey message; numbers are <c>0x</c> + 16 lowercase hex digits of the u64.</summary>
    public static string ChangePubKeyMessage(byte[] pubKey, long nonce, long accountIndex, int apiKeyIndex) =>
        "Register Lighter Account\n\n" +
        $"pubkey: 0x{Convert.ToHexStringLower(pubKey)}\n" +
        $"nonce: {Hex(nonce)}\n" +
        $"account index: {Hex(accountIndex)}\n" +
        $"api key index: {Hex(apiKeyIndex)}\n" +
        "Only sign this message for a trusted client!";

    /// <summary>Whether <paramref name="l1Signature"/> signs <paramref name="message"/> by <paramref name="address"/>.</summary>
    public static bool IsSignedBy(string message, string? l1Signature, string address)
    {
        if (string.IsNullOrEmpty(l1Signature))
        {
            return false;
        }

        try
        {
            var signer = new EthereumMessageSigner().EncodeUTF8AndEcRecover(message, l1Signature);
            return string.Equals(signer, address, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Hex(long value) => "0x" + ((ulong)value).ToString("x16", CultureInfo.InvariantCulture);
}
