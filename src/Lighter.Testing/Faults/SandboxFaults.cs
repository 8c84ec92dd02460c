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
    private volatile StormSchedule? _storm;

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
    public void SkipOrderBookUpdates(short marketId, int count = 1) => Hub.DropBookUpdates(marketId, count);

    /// <summary>
    /// Starts a seeded random fault schedule on every REST request (replacing a running one); see
    /// <see cref="SandboxStorm"/>. Faults added with the other methods are consumed first.
    /// </summary>
    public void StartStorm(SandboxStorm storm)
    {
        ArgumentNullException.ThrowIfNull(storm);
        storm.Validate();
        _storm = new StormSchedule(storm);
    }

    /// <summary>Stops the storm; the sandbox answers normally again.</summary>
    public void StopStorm() => _storm = null;

    /// <summary>What the running storm did so far (null when none runs).</summary>
    public SandboxStormStats? StormStats => _storm?.Stats;

    /// <summary>Forgets every pending HTTP fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    internal void Attach(WsHub hub) => _hub = hub;

    /// <summary>Runs the request through the pending faults and the storm, or on to <paramref name="next"/>.</summary>
    internal async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (await ApplyAsync(context).ConfigureAwait(false)) return;
        if (_storm is not { } storm || !context.Request.Path.StartsWithSegments(storm.Storm.PathPrefix.TrimEnd('/'), StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var isWrite = HttpMethods.IsPost(context.Request.Method);
        var (fault, delay) = storm.Next(await RequestKeyAsync(context).ConfigureAwait(false), isWrite);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, context.RequestAborted).ConfigureAwait(false);
        }

        switch (fault)
        {
            case StormFault.RateLimit:
                context.Response.Headers.RetryAfter = ((long)Math.Ceiling(storm.Storm.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteFaultAsync(context, StatusCodes.Status429TooManyRequests).ConfigureAwait(false);
                return;
            case StormFault.ServerError:
                await WriteFaultAsync(context, StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
                return;
            case StormFault.AppliedThenServerError:
                await ApplyThenFailAsync(context, next).ConfigureAwait(false);
                return;
            default:
                await next(context).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>Executes the request, throws its answer away and answers 503 instead: the client cannot know it landed.</summary>
    private static async Task ApplyThenFailAsync(HttpContext context, RequestDelegate next)
    {
        var body = context.Response.Body;
        using (var discard = new MemoryStream())
        {
            context.Response.Body = discard;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = body;
            }
        }

        context.Response.Clear();
        await WriteFaultAsync(context, StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
    }

    /// <summary>Method, path, query and (buffered, so the endpoint still reads it) body: what makes two requests "the same".</summary>
    private static async Task<string> RequestKeyAsync(HttpContext context)
    {
        var request = context.Request;
        var key = request.Method + " " + request.Path + request.QueryString;
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any()) return key;
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return key + "\n" + body;
    }

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

        await WriteFaultAsync(context, status).ConfigureAwait(false);
        return true;
    }

    private static Task WriteFaultAsync(HttpContext context, int status)
    {
        var (code, message) = status == StatusCodes.Status429TooManyRequests
            ? (SandboxErrorCodes.TooManyRequests, "Too Many Requests!")
            : (SandboxErrorCodes.Internal, "internal server error");
        return HttpIo.WriteJsonAsync(context, status, w => JsonShapes.WriteResultCode(w, code, message));
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
