namespace Lighter.Client.Tests.Support;

/// <summary>Records the fake time of every attempt that reaches the transport, then passes it on.</summary>
internal sealed class AttemptRecorder(TimeProvider time) : DelegatingHandler
{
    public List<(DateTimeOffset At, HttpMethod Method, string Path)> Attempts { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Attempts) Attempts.Add((time.GetUtcNow(), request.Method, request.RequestUri!.AbsolutePath));
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A transport that never answers until cancelled (a hung server).</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    public int Calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
