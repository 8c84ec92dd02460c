using System.CommandLine;
using System.Globalization;
using Lighter.Client;
using Lighter.Testing;

namespace Lighter.Cli.Commands;

/// <summary>Which endpoint options a command shows: only the ones it uses.</summary>
[Flags]
internal enum EnvParts
{
    /// <summary><c>--base-url</c>: the command calls the REST API.</summary>
    Rest = 1,

    /// <summary><c>--ws-url</c>: the command opens the WebSocket API.</summary>
    WebSocket = 2,

    /// <summary><c>--chain-id</c>: the command signs transactions.</summary>
    ChainId = 4,

    /// <summary><c>--json</c> with the shared meaning (JSON for programs instead of tables).</summary>
    Json = 8,
}

/// <summary>
/// The environment options of the exchange-facing commands: <c>--env mainnet|testnet|sandbox</c> always, and of
/// <c>--base-url</c>, <c>--ws-url</c>, <c>--chain-id</c> and <c>--json</c> only those the command uses
/// (<see cref="EnvParts"/>). <c>sandbox</c> is a <c>lighter sandbox</c> on its default port.
/// </summary>
internal sealed class EnvOptions(EnvParts parts)
{
    /// <summary>The port <c>lighter sandbox</c> listens on unless told otherwise (and <c>--env sandbox</c> targets).</summary>
    public const int SandboxPort = 8787;

    public Option<string> Env { get; } = new("--env")
    {
        Description = "Exchange environment: mainnet, testnet or sandbox (a `lighter sandbox` on port 8787).",
        DefaultValueFactory = _ => "mainnet",
    };

    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = "REST base URL (overrides --env; e.g. http://127.0.0.1:8787/).",
    };

    public Option<string?> WsUrl { get; } = new("--ws-url")
    {
        Description = "WebSocket URL (overrides --env; e.g. ws://127.0.0.1:8787/stream).",
    };

    public Option<uint?> ChainId { get; } = new("--chain-id") { Description = "Chain id for signing (default: the environment's)." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON for programs instead of tables." };

    public void AddTo(Command command)
    {
        command.Options.Add(Env);
        if (parts.HasFlag(EnvParts.Rest)) command.Options.Add(BaseUrl);
        if (parts.HasFlag(EnvParts.WebSocket)) command.Options.Add(WsUrl);
        if (parts.HasFlag(EnvParts.ChainId)) command.Options.Add(ChainId);
        if (parts.HasFlag(EnvParts.Json)) command.Options.Add(Json);
    }

    /// <summary>Whether <c>--json</c> was given (false for commands without it).</summary>
    public bool WantsJson(ParseResult parse) => parts.HasFlag(EnvParts.Json) && parse.GetValue(Json);

    /// <summary>Resolves the environment from the parsed options.</summary>
    /// <exception cref="ArgumentException">The environment name is unknown or a URL is not absolute.</exception>
    public LighterEnvironment Resolve(ParseResult parse)
    {
        var name = parse.GetValue(Env) ?? "mainnet";
        var named = name.Trim().ToUpperInvariant() == "SANDBOX"
            ? Sandbox(SandboxPort, LighterSandbox.DefaultChainId)
            : LighterEnvironment.FromName(name) ?? throw new ArgumentException($"--env must be mainnet, testnet or sandbox, not '{name}'.");
        var baseUrl = parts.HasFlag(EnvParts.Rest) ? ParseUrl(parse.GetValue(BaseUrl), "--base-url", Uri.UriSchemeHttp, Uri.UriSchemeHttps) : null;
        var wsUrl = parts.HasFlag(EnvParts.WebSocket) ? ParseUrl(parse.GetValue(WsUrl), "--ws-url", "ws", "wss") : null;
        var chainId = parts.HasFlag(EnvParts.ChainId) ? parse.GetValue(ChainId) : null;
        if (baseUrl is null && wsUrl is null && chainId is null)
        {
            return named;
        }

        var rest = baseUrl ?? named.BaseUrl;
        var ws = wsUrl ?? (baseUrl is null ? named.WebSocketUrl : WebSocketFor(rest));
        return LighterEnvironment.Custom(baseUrl is null && wsUrl is null ? named.Name : "custom", rest, ws, (int)(chainId ?? (uint)named.ChainId));
    }

    /// <summary>The environment of a sandbox on <c>127.0.0.1:<paramref name="port"/></c>.</summary>
    public static LighterEnvironment Sandbox(int port, uint chainId)
    {
        var rest = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
        return LighterEnvironment.Custom("sandbox", rest, WebSocketFor(rest), (int)chainId);
    }

    private static Uri? ParseUrl(string? text, string option, params string[] schemes) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme) ? uri
        : throw new ArgumentException($"{option} must be an absolute {string.Join(" or ", schemes)} URL, not '{text}'.");

    private static Uri WebSocketFor(Uri rest) =>
        new((rest.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + rest.Authority + "/stream");
}
