using System.CommandLine;
using Lighter.Signing;

namespace Lighter.Cli.Commands;

/// <summary><c>lighter keys new</c> and <c>lighter keys public</c>.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var create = new Command("new", "Generate an API key pair (CSPRNG). Prints the private key: store it as a secret.");
        create.SetAction(parse =>
        {
            using var key = LighterPrivateKey.Generate();
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"private_key: 0x{key.ExportHex()}");
            output.WriteLine($"public_key:  0x{key.PublicKey.ToHex()}");
            return 0;
        });

        var variable = new Option<string?>("--private-key-env")
        {
            Description = "Read the private key from this environment variable (default: read one line from stdin).",
        };
        var argument = new Argument<string?>("key")
        {
            Description = "The private key in hex. Avoid it: command lines are visible to other users and kept in " +
                          "shell history. Omit it (or pass -) to read the key from stdin.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var show = new Command(
            "public",
            "Print the public key of a private key (read from stdin, an environment variable or, discouraged, the " +
            "command line). Exit code 1 if the key is rejected.")
        {
            argument, variable,
        };
        show.SetAction(parse => KeysSecretReader.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var inline = parse.GetValue(argument);
            using var key = inline is not null && inline != "-"
                ? LighterPrivateKey.Parse(inline)
                : KeysSecretReader.Read(parse.GetValue(variable), Console.In);
            parse.InvocationConfiguration.Output.WriteLine($"0x{key.PublicKey.ToHex()}");
            return 0;
        }));

        return new Command("keys", "API key utilities.") { create, show };
    }
}
