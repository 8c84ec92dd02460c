using System.Diagnostics;
using Lighter.Client.Submission;

namespace Lighter.Client.Diagnostics;

/// <summary>
/// The span and counter of one submission: nonce, tx type and hash (public once sent), attempts, verdict, and on
/// failure the nonce's disposition. Never the signed tx_info or anything secret.
/// </summary>
internal static class SubmissionTelemetry
{
    /// <summary>Wraps the signing step so the span learns the nonce, tx type and hash of what is sent.</summary>
    public static Func<long, WireTransaction> Tagging(Func<long, WireTransaction> sign, Activity activity) => nonce =>
    {
        var tx = sign(nonce);
        activity.SetTag("lighter.nonce", tx.Nonce);
        activity.SetTag("lighter.tx_type", tx.TxType);
        activity.SetTag("lighter.tx_hash", tx.TxHash);
        return tx;
    };

    public static void Accepted(Activity? activity, TxSubmission accepted)
    {
        activity?.SetTag("lighter.attempts", accepted.Attempts);
        activity?.SetTag("lighter.verdict", accepted.Verdict.ToString());
        Count(accepted.Verdict.ToString(), null);
    }

    /// <summary>Records a failed submission on its span and counter.</summary>
    public static void Failed(Activity? activity, Exception error)
    {
        var disposition = (error as LighterSubmissionException)?.Disposition.ToString();
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.SetTag("lighter.verdict", "Failed");
            if (error is LighterSubmissionException s)
            {
                activity.SetTag("lighter.attempts", s.Attempts);
                activity.SetTag("lighter.disposition", disposition);
            }
        }

        if (error is not OperationCanceledException) Count("Failed", disposition);
    }

    private static void Count(string verdict, string? disposition)
    {
        if (!LighterTelemetry.Submissions.Enabled) return;
        LighterTelemetry.Submissions.Add(1,
            new KeyValuePair<string, object?>("lighter.verdict", verdict),
            new KeyValuePair<string, object?>("lighter.disposition", disposition));
    }
}
