using Lighter.Generator.Cli;

namespace Lighter.Generator.AsyncApi;

/// <summary>
/// The <c>generate</c> command's AsyncAPI step: <c>--asyncapi FILE [--asyncapi-overlay FILE]</c> (plus the
/// command's <c>--openapi</c>, to reuse REST models of the same shape) → <c>Streaming/LighterStreamMessages.g.cs</c>.
/// </summary>
internal sealed class AsyncApiCodeEmitter : ICodeEmitter
{
    public IReadOnlyList<string> Options { get; } = ["asyncapi", "asyncapi-overlay"];

    public bool IsRequested(GenerateOptions options) => options.Get("asyncapi") is not null;

    public EmitResult Emit(GenerateOptions options)
    {
        var asyncApiPath = options.Require("asyncapi");
        var overlayPath = options.Get("asyncapi-overlay");
        var openApiPath = options.Get("openapi");
        var source = AsyncApiEmitter.Emit(
            File.ReadAllText(asyncApiPath),
            overlayPath is null ? null : File.ReadAllText(overlayPath),
            openApiPath is null ? null : File.ReadAllText(openApiPath));
        return new EmitResult(new Dictionary<string, string> { ["Streaming/LighterStreamMessages.g.cs"] = source }, [], asyncApiPath);
    }
}
