namespace Lighter.Client.RateLimits;

/// <summary>
/// The documented request weights (apidocs "rate-limits"): what one call costs against the Premium/Plus weight
/// budget; everything not listed costs 300.
/// </summary>
internal static class EndpointWeights
{
    /// <summary>Weight of an operation that the table does not list.</summary>
    public const int Default = 300;

    private static readonly Dictionary<string, int> Weights = new(StringComparer.Ordinal)
    {
        ["sendTx"] = 6,
        ["sendTxBatch"] = 6,
        ["nextNonce"] = 6,
        ["publicPools"] = 50,
        ["publicPoolsMetadata"] = 50,
        ["txFromL1TxHash"] = 50,
        ["accountInactiveOrders"] = 100,
        ["deposit/latest"] = 100,
        ["apikeys"] = 150,
        ["transferFeeInfo"] = 500,
        ["trades"] = 600,
        ["recentTrades"] = 600,
        ["changeAccountTier"] = 3000,
        ["tokens"] = 3000,
        ["tokens/revoke"] = 3000,
        ["setAccountMetadata"] = 3000,
        ["notification/ack"] = 3000,
        ["createIntentAddress"] = 3000,
        ["fastwithdraw"] = 3000,
        ["tokens/create"] = 23_000,
    };

    /// <summary>The weight of an operation (path below <c>api/v1/</c>).</summary>
    public static int Of(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (Weights.TryGetValue(operation, out var weight)) return weight;
        return operation.StartsWith("referral/", StringComparison.Ordinal) ? 3000 : Default;
    }
}
