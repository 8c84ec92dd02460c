using Lighter.Signing;
using PackageConsumer;

using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
var order = await LimitOrderFlow.RunAsync(timeout.Token);
Console.WriteLine(order.Describe());

// The package READMEs' examples that need no network run as written (the Client one talks to testnet: compiled only).
using (var key = LighterPrivateKey.Generate())
{
    Environment.SetEnvironmentVariable("LIGHTER_PRIVATE_KEY", key.ExportHex());
}

await ReadmeExamples.Lighter_Signing.RunAsync();
await ReadmeExamples.Lighter_Testing.RunAsync();
Console.WriteLine("README examples of Lighter.Signing and Lighter.Testing ran");
