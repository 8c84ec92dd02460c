using PackageConsumer;

using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
var order = await LimitOrderFlow.RunAsync(timeout.Token);
Console.WriteLine(order.Describe());
