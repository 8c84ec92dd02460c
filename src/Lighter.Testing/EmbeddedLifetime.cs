using Microsoft.Extensions.Hosting;

namespace Lighter.Testing;

/// <summary>
/// The sandbox runs inside someone else's process: it must not take over Ctrl+C or SIGTERM the way the
/// default console lifetime does (that would keep the host process from stopping). The owner stops it by
/// disposing it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
