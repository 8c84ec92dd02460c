namespace Lighter.Client.Tests.Contract;

/// <summary>What a failed generated call throws, reduced to the SDK's exception root.</summary>
internal static class ApiErrors
{
    /// <summary>
    /// The <see cref="LighterApiException"/> behind <paramref name="thrown"/>. Today Refit wraps a handler's
    /// exception in <c>Refit.ApiRequestException</c>; the coordinator is making it surface directly.
    /// </summary>
    public static LighterApiException Unwrap(Exception thrown)
    {
        // TODO(coordinator): direct once merged (RefitSettings.TransportExceptionFactory) — then assert the type of `thrown` itself.
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            if (e is LighterApiException api)
            {
                return api;
            }
        }

        throw new Xunit.Sdk.XunitException($"expected a LighterApiException, got {thrown.GetType().FullName}: {thrown.Message}");
    }
}
