namespace Lighter.Client.Tracking;

/// <summary>
/// The <c>status</c> of a transaction as <c>GET tx</c> reports it. The OpenAPI document types it as a bare integer;
/// these are the values the exchange's explorer and its public SDKs read: 0 failed, 1 pending (queued, not yet
/// executed), 2 executed; higher values are later stages of an executed transaction (committed, verified).
/// </summary>
internal static class TxStatusCodes
{
    public const long Failed = 0;
    public const long Pending = 1;
    public const long Executed = 2;
}
