using System.CommandLine;
using System.Globalization;
using Lighter.Client;
using Lighter.Testing;

namespace Lighter.Cli.Commands;

/// <summary>
/// The options every exchange-facing command shares: <c>--env mainnet|testnet|sandbox</c>, <c>--base-url</c>
/// (and <c>--ws-url</c>, <c>--chain-id</c> to go with it) and <c>--json</c>. <c>sandbox</c> is a
/// <c>lighter sandbox</c> on its default port.
/// </summary>
internal sealed class EnvOptions
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

    public Option<string?> WsUrl { get; } = new("--ws-url") { Description = "WebSocket URL (default: derived from --base-url)." };

    public Option<uint?> ChainId { get; } = new("--chain-id") { Description = "Chain id for signing (default: the environment's)." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON for programs instead of tables." };

    public void AddTo(Command command)
    {
        command.Options.Add(Env);
        command.Options.Add(BaseUrl);
        command.Options.Add(WsUrl);
        command.Options.Add(ChainId);
        command.Options.Add(Json);
    }

    /// <summary>Resolves the environment from the parsed options.</summary>
    /// <exception cref="ArgumentException">The environment name is unknown or a URL is not absolute.</exception>
    public LighterEnvironment Resolve(ParseResult parse)
    {
        var name = parse.GetValue(Env) ?? "mainnet";
        var named = name.Trim().ToUpperInvariant() == "SANDBOX"
            ? Sandbox(SandboxPort, LighterSandbox.DefaultChainId)
            : LighterEnvironment.FromName(name) ?? throw new ArgumentException($"--env must be mainnet, testnet or sandbox, not '{name}'.");
        var baseUrl = ParseUrl(parse.GetValue(BaseUrl), "--base-url");
        var wsUrl = ParseUrl(parse.GetValue(WsUrl), "--ws-url");
        var chainId = parse.GetValue(ChainId);
        if (baseUrl is null && wsUrl is null && chainId is null)
        {
            return named;
        }

        var rest = baseUrl ?? named.BaseUrl;
        var ws = wsUrl ?? (baseUrl is null ? named.WebSocketUrl : WebSocketFor(rest));
        return LighterEnvironment.Custom(baseUrl is null ? named.Name : "custom", rest, ws, (int)(chainId ?? (uint)named.ChainId));
    }

    /// <summary>The environment of a sandbox on <c>127.0.0.1:<paramref name="port"/></c>.</summary>
    public static LighterEnvironment Sandbox(int port, uint chainId)
    {
        var rest = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
        return LighterEnvironment.Custom("sandbox", rest, WebSocketFor(rest), (int)chainId);
    }

    private static Uri? ParseUrl(string? text, string option) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri
        : throw new ArgumentException($"{option} must be an absolute URL, not '{text}'.");

    private static Uri WebSocketFor(Uri rest) =>
        new((rest.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + rest.Authority + "/stream");
}
