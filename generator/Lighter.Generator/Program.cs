using Lighter.Generator.Cli;
using Lighter.Generator.Diff;

const string Usage = """
    Lighter.Generator: C# code from the Lighter API documents.

      generate --openapi FILE [--overlay FILE] [--asyncapi FILE [--asyncapi-overlay FILE]] --out DIR
          Writes Refit interfaces (Lighter.Client.Api), models (Lighter.Client.Models) and their JSON metadata,
          and the WebSocket messages and channels (Lighter.Client.Streaming.Messages), as *.g.cs files into DIR.
          Unchanged files are left alone; stale *.g.cs files are deleted.
      diff OLD NEW
          Prints a human-readable report of the API changes between two OpenAPI documents.
    """;

try
{
    return args switch
    {
        ["generate", .. var rest] => GenerateCommand.Run(rest, Console.Out),
        ["diff", var oldPath, var newPath] => DiffCommand.Run(oldPath, newPath, Console.Out),
        _ => Fail(Usage),
    };
}
catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or InvalidOperationException
                               or System.Text.Json.JsonException)
{
    // Canonical format: MSBuild shows it as a build error pointing at the generator.
    Console.Error.WriteLine($"Lighter.Generator: error LGEN000: {e.Message}");
    return 1;
}

static int Fail(string usage)
{
    Console.Error.WriteLine(usage);
    return 2;
}
