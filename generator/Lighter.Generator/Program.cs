using Lighter.Generator.Cli;
using Lighter.Generator.Diff;

var usage = """
    Lighter.Generator: C# code from the Lighter API documents.

      generate --openapi FILE [--overlay FILE] [--asyncapi FILE [--asyncapi-overlay FILE]] --out DIR
          Writes Refit interfaces (Lighter.Client.Api), models (Lighter.Client.Models) and their JSON metadata,
          and the WebSocket messages and channels (Lighter.Client.Streaming.Messages), as *.g.cs files into DIR.
          Unchanged files are left alone; stale *.g.cs files are deleted.

    """ + DiffCommand.Usage;

try
{
    return args switch
    {
        ["--help" or "-h" or "help"] => Help(usage),
        ["generate", .. var rest] => GenerateCommand.Run(rest, Console.Out),
        ["diff", .. var rest] => DiffCommand.Run(rest, Console.Out, Console.Error),
        [] => Fail(usage),
        [var command, ..] => Fail($"unknown command '{command}' (commands: generate, diff; see --help)"),
    };
}
catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or InvalidOperationException
                               or System.Text.Json.JsonException)
{
    // Canonical format: MSBuild shows it as a build error pointing at the generator.
    Console.Error.WriteLine($"Lighter.Generator: error LGEN000: {e.Message}");
    return 1;
}

static int Help(string usage)
{
    Console.Out.WriteLine(usage);
    return 0;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
