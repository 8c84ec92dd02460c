using Lighter.Signing.Auth;

namespace Lighter.Client.Streaming;

/// <summary>Caches the provider's token and fetches a fresh one before the cached one expires.</summary>
internal sealed class StreamAuthTokenCache(IAuthTokenProvider provider, TimeProvider time, TimeSpan refreshMargin)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuthToken? _current;

    public async ValueTask<AuthToken> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null || time.GetUtcNow() >= _current.Deadline - refreshMargin)
            {
                _current = await provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }
}
