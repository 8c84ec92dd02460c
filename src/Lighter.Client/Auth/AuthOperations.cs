namespace Lighter.Client.Auth;

/// <summary>
/// Which operations take an auth token, from the spec's <c>authorization</c>/<c>auth</c> parameters (the spec's
/// security scheme is referenced by no operation, so the parameters are the source of truth).
/// </summary>
public static class AuthOperations
{
    private static readonly HashSet<string> HeaderOperations = new(StringComparer.Ordinal)
    {
        "accountActiveOrders", "accountInactiveOrders", "accountLimits", "accountMetadata", "accountTxs",
        "changeAccountTier", "deposit/history", "export", "l1Metadata", "liquidations", "notification/ack", "pnl",
        "positionFunding", "publicPoolsMetadata", "referral/points", "trades", "transfer/history", "transferFeeInfo",
        "withdraw/history", "fastwithdraw", "fastwithdraw/info", "tokens", "tokens/create", "tokens/revoke",
        "referral/create", "referral/get", "referral/kickback/update", "referral/update", "referral/use", "leases",
        "litLease", "referral/userReferrals", "setAccountMetadata", "getMakerOnlyApiKeys", "setMakerOnlyApiKeys",
        "rfq/respond", "rfq/list", "rfq/get", "rfq/create", "rfq/update", "accountOrders", "livePoints/total",
        "leaderboard", "referral/stats",
    };

    /// <summary>Where the operation (path below <c>api/v1/</c>) takes its token.</summary>
    public static AuthPlacement Of(string operation) => operation switch
    {
        "export/historicalTrades" => AuthPlacement.Query,
        _ when HeaderOperations.Contains(operation) => AuthPlacement.Header,
        _ => AuthPlacement.None,
    };
}
