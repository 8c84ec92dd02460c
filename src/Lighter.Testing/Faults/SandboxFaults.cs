using System.Globalization;
using Lighter.Testing.Http;
using Lighter.Testing.WebSockets;
using Microsoft.AspNetCore.Http;

namespace Lighter.Testing.Faults;

/// <summary>
/// Fault injection for tests: make the next REST requests fail (429 with <c>Retry-After</c>, 5xx) or wait,
/// drop WebSocket connections, and leave gaps in order-book streams. HTTP faults are consumed in the order
/// they were added, each by the next request whose path starts with its prefix.
/// </summary>
public sealed class SandboxFaults
{
    private readonly object _gate = new();
    private readonly List<HttpFault> _pending = [];
    private readonly TimeProvider _time;
    private WsHub? _hub;

    internal SandboxFaults(TimeProvider time) => _time = time;

    /// <summary>The next <paramref name="times"/> matching requests get HTTP 429, a <c>Retry-After</c> header and code 23000.</summary>
    public void RateLimitNext(int times = 1, TimeSpan? retryAfter = null, string pathPrefix = "/") =>
        Add(new HttpFault(pathPrefix, times, StatusCodes.Status429TooManyRequests, retryAfter ?? TimeSpan.FromSeconds(1), TimeSpan.Zero));

    /// <summary>The next <paramref name="times"/> matching requests get the 5xx status <paramref name="statusCode"/> and code 29500.</summary>
    public void FailNext(int times = 1, int statusCode = StatusCodes.Status503ServiceUnavailable, string pathPrefix = "/")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        Add(new HttpFault(pathPrefix, times, statusCode, null, TimeSpan.Zero));
    }

    /// <summary>The next <paramref name="times"/> matching requests wait <paramref name="delay"/> (on the sandbox's clock) first.</summary>
    public void DelayNext(TimeSpan delay, int times = 1, string pathPrefix = "/") =>
        Add(new HttpFault(pathPrefix, times, null, null, delay));

    /// <summary>Drops every open WebSocket connection at once, without a close handshake.</summary>
    public void DropWebSockets() => Hub.DropAll();

    /// <summary>
    /// Leaves out the next <paramref name="count"/> <c>update/order_book</c> messages of a market; the
    /// following update's <c>begin_nonce</c> then no longer matches the last <c>nonce</c> a client saw.
    /// </summary>
    public void SkipOrderBookUpdates(int marketId, int count = 1) => Hub.DropBookUpdates(marketId, count);

    /// <summary>Forgets every pending HTTP fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    internal void Attach(WsHub hub) => _hub = hub;

    /// <summary>Applies the first pending fault that matches the request; returns true when it answered the request.</summary>
    internal async Task<bool> ApplyAsync(HttpContext context)
    {
        HttpFault? fault;
        lock (_gate)
        {
            fault = _pending.FirstOrDefault(f => context.Request.Path.StartsWithSegments(f.PathPrefix) || f.PathPrefix == "/");
            if (fault is not null && --fault.Remaining == 0)
            {
                _pending.Remove(fault);
            }
        }

        if (fault is null)
        {
            return false;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, _time, context.RequestAborted).ConfigureAwait(false);
        }

        if (fault.Status is not { } status)
        {
            return false;
        }

        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var (code, message) = status == StatusCodes.Status429TooManyRequests
            ? (SandboxErrorCodes.TooManyRequests, "Too Many Requests!")
            : (SandboxErrorCodes.Internal, "internal server error");
        await HttpIo.WriteJsonAsync(context, status, w => JsonShapes.WriteResultCode(w, code, message)).ConfigureAwait(false);
        return true;
    }

    private WsHub Hub => _hub ?? throw new InvalidOperationException("The sandbox has not started.");

    private void Add(HttpFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Remaining, 1, "times");
        lock (_gate)
        {
            _pending.Add(fault);
        }
    }

    private sealed class HttpFault(string pathPrefix, int times, int? status, TimeSpan? retryAfter, TimeSpan delay)
    {
        public string PathPrefix { get; } = pathPrefix;
        public int Remaining { get; set; } = times;
        public int? Status { get; } = status;
        public TimeSpan? RetryAfter { get; } = retryAfter;
        public TimeSpan Delay { get; } = delay;
    }
}
