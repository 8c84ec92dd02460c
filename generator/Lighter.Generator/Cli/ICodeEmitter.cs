namespace Lighter.Generator.Cli;

/// <summary>
/// One source of generated code for the <c>generate</c> command (the OpenAPI REST surface, the AsyncAPI stream
/// types, ...). Emitters are listed in <see cref="GenerateCommand.Emitters"/>; adding one is a one-line change.
/// </summary>
internal interface ICodeEmitter
{
    /// <summary>The <c>--name</c> options this emitter reads (each takes one value).</summary>
    IReadOnlyList<string> Options { get; }

    /// <summary>True when the command line asks for this emitter's output (its main input option is present).</summary>
    bool IsRequested(GenerateOptions options);

    /// <summary>Generates the files (path relative to <c>--out</c> → content) and any warnings.</summary>
    EmitResult Emit(GenerateOptions options);
}

/// <summary>Files produced by one emitter, and warnings about spec problems it worked around.</summary>
internal sealed record EmitResult(IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Warnings, string Source);

/// <summary>The parsed <c>--name value</c> pairs of the <c>generate</c> command.</summary>
internal sealed class GenerateOptions(IReadOnlyDictionary<string, string> values)
{
    public string? Get(string name) => values.GetValueOrDefault(name);

    public string Require(string name) =>
        Get(name) ?? throw new ArgumentException($"missing option --{name}");
}
