using System.Globalization;
using Lighter.Signing.Transactions;

namespace Lighter.Signing.L1;

/// <summary>
/// The exact L1 message texts of the official signer (lighter-go <c>txtypes/utils.go</c> templates). Numbers are
/// <c>0x</c> + 16 lowercase hex digits of the value as u64 (two's complement for negatives).
/// </summary>
internal static class L1Messages
{
    private const string TrustedClient = "\nOnly sign this message for a trusted client!";

    public static string ChangePubKey(ReadOnlySpan<byte> pubKey, in TxHeader header) =>
        "Register Lighter Account\n\npubkey: 0x" + Convert.ToHexStringLower(pubKey) +
        "\nnonce: " + Hex(header.Nonce) +
        "\naccount index: " + Hex(header.AccountIndex) +
        "\napi key index: " + Hex(header.ApiKeyIndex) +
        TrustedClient;

    public static string Transfer(Transactions.Transfer tx, LighterChainId chainId, in TxHeader header) =>
        "Transfer\n\nnonce: " + Hex(header.Nonce) +
        "\nfrom: " + Hex(header.AccountIndex) + " (route " + Hex((long)tx.FromRouteType) + ")" +
        "\napi key: " + Hex(header.ApiKeyIndex) +
        "\nto: " + Hex(tx.ToAccountIndex) + " (route " + Hex((long)tx.ToRouteType) + ")" +
        "\nasset: " + Hex(tx.AssetIndex) +
        "\namount: " + Hex(tx.Amount) +
        "\nfee: " + Hex(tx.UsdcFee) +
        "\nchainId: " + Hex(chainId.Value) +
        "\nmemo: " + Convert.ToHexStringLower(tx.Memo.Span) +
        TrustedClient;

    public static string ApproveIntegrator(Transactions.ApproveIntegrator tx, LighterChainId chainId, in TxHeader header) =>
        "Approve Integrator\n\nnonce: " + Hex(header.Nonce) +
        "\naccount index: " + Hex(header.AccountIndex) +
        "\napi key index: " + Hex(header.ApiKeyIndex) +
        "\nintegrator account index: " + Hex(tx.IntegratorAccountIndex) +
        "\nmax perps taker fee: " + Hex(tx.MaxPerpsTakerFee) +
        "\nmax perps maker fee: " + Hex(tx.MaxPerpsMakerFee) +
        "\nmax spot taker fee: " + Hex(tx.MaxSpotTakerFee) +
        "\nmax spot maker fee: " + Hex(tx.MaxSpotMakerFee) +
        "\napproval expiry: " + Hex(tx.ApprovalExpiry) +
        "\nchainId: " + Hex(chainId.Value) +
        TrustedClient;

    private static string Hex(long value) => "0x" + ((ulong)value).ToString("x16", CultureInfo.InvariantCulture);
}
