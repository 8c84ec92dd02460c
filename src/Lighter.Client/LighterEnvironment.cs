namespace Lighter.Client;

/// <summary>
/// A Lighter deployment: REST base URL, WebSocket URL and the chain id every transaction is signed for.
/// The chain id travels with the URLs so that a client cannot talk to testnet while signing for mainnet.
/// </summary>
public sealed class LighterEnvironment : IEquatable<LighterEnvironment>
{
    /// <summary>Chain id of Lighter mainnet.</summary>
    public const int MainnetChainId = 304;

    /// <summary>Chain id of Lighter testnet.</summary>
    public const int TestnetChainId = 300;

    /// <summary>Lighter mainnet (chain id 304).</summary>
    public static LighterEnvironment Mainnet { get; } = new(
        "mainnet",
        new Uri("https://mainnet.zklighter.elliot.ai/"),
        new Uri("wss://mainnet.zklighter.elliot.ai/stream"),
        MainnetChainId);

    /// <summary>Lighter testnet (chain id 300).</summary>
    public static LighterEnvironment Testnet { get; } = new(
        "testnet",
        new Uri("https://testnet.zklighter.elliot.ai/"),
        new Uri("wss://testnet.zklighter.elliot.ai/stream"),
        TestnetChainId);

    private LighterEnvironment(string name, Uri baseUrl, Uri webSocketUrl, int chainId)
    {
        Name = name;
        BaseUrl = baseUrl;
        WebSocketUrl = webSocketUrl;
        ChainId = chainId;
    }

    /// <summary>Short name (<c>mainnet</c>, <c>testnet</c> or the custom name).</summary>
    public string Name { get; }

    /// <summary>REST base URL, always ending with <c>/</c> so relative paths join cleanly.</summary>
    public Uri BaseUrl { get; }

    /// <summary>WebSocket stream URL.</summary>
    public Uri WebSocketUrl { get; }

    /// <summary>Chain id hashed into every signed transaction.</summary>
    public int ChainId { get; }

    /// <summary>Creates an environment for another deployment (a sandbox, a private node, a new chain).</summary>
    /// <param name="name">A short name used in messages.</param>
    /// <param name="baseUrl">Absolute http(s) REST base URL.</param>
    /// <param name="webSocketUrl">Absolute ws(s) stream URL.</param>
    /// <param name="chainId">The chain id transactions are signed for; there is no default on purpose.</param>
    /// <exception cref="ArgumentException">A URL is not absolute or has the wrong scheme, or the chain id is not positive.</exception>
    public static LighterEnvironment Custom(string name, Uri baseUrl, Uri webSocketUrl, int chainId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(webSocketUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"BaseUrl must be an absolute http(s) URL, got '{baseUrl}'.", nameof(baseUrl));
        }

        if (!webSocketUrl.IsAbsoluteUri || (webSocketUrl.Scheme != Uri.UriSchemeWs && webSocketUrl.Scheme != Uri.UriSchemeWss))
        {
            throw new ArgumentException($"WebSocketUrl must be an absolute ws(s) URL, got '{webSocketUrl}'.", nameof(webSocketUrl));
        }

        if (chainId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chainId), chainId, "ChainId must be a positive chain id (304 mainnet, 300 testnet).");
        }

        return new LighterEnvironment(name, WithTrailingSlash(baseUrl), webSocketUrl, chainId);
    }

    /// <summary>Finds a well-known environment by name (<c>mainnet</c> or <c>testnet</c>, case-insensitive).</summary>
    /// <returns><see langword="null"/> when the name is not a well-known environment.</returns>
    public static LighterEnvironment? FromName(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "MAINNET" => Mainnet,
        "TESTNET" => Testnet,
        _ => null,
    };

    /// <inheritdoc />
    public bool Equals(LighterEnvironment? other) =>
        other is not null && Name == other.Name && BaseUrl == other.BaseUrl && WebSocketUrl == other.WebSocketUrl && ChainId == other.ChainId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LighterEnvironment);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, BaseUrl, ChainId);

    /// <inheritdoc />
    public override string ToString() => $"{Name} (chain {ChainId}, {BaseUrl})";

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
