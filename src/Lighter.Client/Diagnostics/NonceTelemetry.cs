namespace Lighter.Client.Diagnostics;

/// <summary>Tag values and recording of <see cref="LighterTelemetry.NonceResyncsInstrument"/> and <see cref="LighterTelemetry.NonceHolesInstrument"/>.</summary>
internal static class NonceTelemetry
{
    /// <summary>Who asked for a resync (<c>lighter.trigger</c>).</summary>
    public static class Trigger
    {
        public const string InvalidNonce = "invalid_nonce";
        public const string Refused = "refused";
        public const string FinalCheck = "final_check";
        public const string Refresh = "refresh";
    }

    /// <summary>What the fetch found (<c>lighter.result</c>).</summary>
    public static class Result
    {
        public const string InSync = "in_sync";
        public const string Advanced = "advanced";
        public const string Behind = "behind";
        public const string Repaired = "repaired";
    }

    /// <summary>What happened to a hole (<c>lighter.hole</c>).</summary>
    public static class Hole
    {
        public const string Opened = "opened";
        public const string Repaired = "repaired";
        public const string Filled = "filled";
        public const string RolledBack = "rolled_back";
        public const string Skipped = "skipped";
    }

    public static void Resynced(long account, int apiKey, string trigger, string result)
    {
        if (!LighterTelemetry.NonceResyncs.Enabled) return;
        LighterTelemetry.NonceResyncs.Add(1,
            new KeyValuePair<string, object?>("lighter.account_index", account),
            new KeyValuePair<string, object?>("lighter.api_key_index", apiKey),
            new KeyValuePair<string, object?>("lighter.trigger", trigger),
            new KeyValuePair<string, object?>("lighter.result", result));
    }

    /// <summary>Counts <paramref name="count"/> nonces whose hole saw <paramref name="hole"/>; nothing when zero.</summary>
    public static void Holes(long account, int apiKey, string hole, int count)
    {
        if (count == 0 || !LighterTelemetry.NonceHoles.Enabled) return;
        LighterTelemetry.NonceHoles.Add(count,
            new KeyValuePair<string, object?>("lighter.account_index", account),
            new KeyValuePair<string, object?>("lighter.api_key_index", apiKey),
            new KeyValuePair<string, object?>("lighter.hole", hole));
    }
}
