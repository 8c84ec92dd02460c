using System.Text.Json;

namespace Lighter.Client.Submission;

/// <summary>Reads <c>nonce</c> from a <c>NextNonce</c> answer (<c>{"code":200,"nonce":722}</c>).</summary>
internal static class NextNonceReader
{
    /// <summary>The nonce in the body.</summary>
    /// <exception cref="LighterApiException">The body has no integer <c>nonce</c>.</exception>
    public static long Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("nonce"u8)
                && reader.Read() && reader.TryGetInt64(out var nonce))
            {
                return nonce;
            }
        }

        throw new LighterApiException("nextNonce", System.Net.HttpStatusCode.OK, null, "the answer carries no integer 'nonce'", isTransient: false);
    }

    /// <summary>Fetches <c>nextNonce</c> for an account and key through <paramref name="http"/> (the Lighter pipeline).</summary>
    public static async Task<long> FetchAsync(HttpClient http, long accountIndex, int apiKeyIndex, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var uri = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"api/v1/nextNonce?account_index={accountIndex}&api_key_index={apiKeyIndex}");
        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Read(body);
    }
}
