using System.Diagnostics;
using Lighter.Client;
using Lighter.Client.Diagnostics;
using Lighter.Client.OrderBooks;
using Lighter.Client.Streaming;
using Lighter.Signing;
using Lighter.Signing.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Lighter.Testing.Tests.Integration;

/// <summary>
/// The client's spans and metrics as an application collects them (OpenTelemetry's in-memory exporter) on the sandbox:
/// a span per REST call and per submission, every documented instrument, and no secret in any tag or log line.
/// The scenario provokes each event behind an instrument with the sandbox's faults: a 429, a skipped order-book
/// update, dropped sockets, a refused transaction beside an accepted one (a nonce hole), another holder of the key
/// (an invalid nonce and a resync) and a WebSocket message budget of one per minute (on a fake clock).
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryExportTests
{
    private static readonly string[] DocumentedInstruments =
    [
        LighterTelemetry.RestRequestsInstrument, LighterTelemetry.RestDurationInstrument, LighterTelemetry.RestRetriesInstrument,
        LighterTelemetry.RestThrottledInstrument, LighterTelemetry.SubmissionsInstrument, LighterTelemetry.SigningDurationInstrument,
        LighterTelemetry.RateLimitWaitInstrument, LighterTelemetry.NonceResyncsInstrument, LighterTelemetry.NonceHolesInstrument,
        LighterTelemetry.WebSocketReconnectsInstrument, LighterTelemetry.OrderBookResyncsInstrument,
    ];

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Spans_and_instruments_reach_an_exporter_and_carry_no_secret()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(LighterTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build())
        using (var metering = Sdk.CreateMeterProviderBuilder().AddMeter(LighterTelemetry.MeterName).AddInMemoryExporter(metrics).Build())
        {
            var logs = new CapturedLogs();
            await using var sandbox = await LighterSandbox.StartAsync();
            using var key = LighterPrivateKey.Generate();
            var account = sandbox.CreateAccount();
            sandbox.RegisterApiKey(account.Index, 3, key.PublicKey);
            using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            var options = new LighterClientOptions
            {
                Environment = "custom", BaseUrl = sandbox.BaseUri, WebSocketUrl = sandbox.WebSocketUri, ChainId = (int)sandbox.ChainId,
                AccountIndex = account.Index, ApiKeyIndex = 3, PrivateKey = key.ExportHex(), RateLimitTier = RateLimitTier.Unlimited,
                RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            };
            await using var client = LighterClient.Create(options, loggerFactory: loggers);
            var streamTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var stream = StreamClient(sandbox, streamTime, maxMessagesPerMinute: 200);
            var book = (await stream.SubscribeOrderBookAsync(0)).Book;
            await UntilAsync(book, b => b.Status == LocalOrderBookStatus.Synced);

            sandbox.Faults.RateLimitNext(times: 1, retryAfter: TimeSpan.Zero, pathPrefix: "/api/v1/orderBookDetails"); // a 429, retried
            sandbox.Faults.SkipOrderBookUpdates(0); // the placed order's update is lost: the cancel's update shows a gap
            var gapResynced = UntilAsync(book, b => b.Status == LocalOrderBookStatus.Resyncing);
            var placed = await client.CreateLimitOrderAsync(0, OrderSide.Buy, 0.01m, 2000m, clientOrderIndex: 5);
            await client.CancelOrderAsync(0, 5);
            var orders = await client.Order.AccountActiveOrdersAsync(account.Index, marketId: 0);   // auth token attached
            Assert.Empty(orders.Items);
            await gapResynced;
            await UntilAsync(book, b => b.Status == LocalOrderBookStatus.Synced);

            await OpenAndFillANonceHoleAsync(sandbox, client);
            await using (var other = LighterClient.Create(options)) // another holder of the key takes the next nonce
            {
                await other.CancelAllOrdersAsync();
            }

            await client.CancelAllOrdersAsync(); // "invalid nonce": resync, then signed again with a fresh nonce

            var rebuilt = UntilAsync(book, b => b.Status == LocalOrderBookStatus.Resyncing);
            sandbox.Faults.DropWebSockets();
            await rebuilt;
            await UntilAsync(book, b => b.Status == LocalOrderBookStatus.Synced);
            await WaitForTheMessageBudgetAsync(sandbox);

            tracing.ForceFlush();
            metering.ForceFlush();

            Assert.Contains(spans, s => s.DisplayName == "lighter.rest orderBookDetails" && s.GetTagItem("lighter.retry_count") is not null);
            Assert.Contains(spans, s => s.DisplayName == "lighter.rest accountActiveOrders");
            var submits = spans.Where(s => s.DisplayName == "lighter.submit").ToList();
            Assert.Equal(7, submits.Count); // place, cancel, the refused and the accepted pair, the filler, the resynced one (the other client's too)
            Assert.Contains(submits, s => (string?)s.GetTagItem("lighter.tx_hash") == placed.TxHash
                                          && (string?)s.GetTagItem("lighter.verdict") == "Answered"
                                          && s.GetTagItem("lighter.nonce") is long);
            Assert.Equal(DocumentedInstruments.Order(), metrics.Select(m => m.Name).Distinct().Where(DocumentedInstruments.Contains).Order());
            Assert.Contains(("lighter.limiter", "websocket_messages"), TagsOf(metrics, LighterTelemetry.RateLimitWaitInstrument));
            Assert.Contains(("lighter.trigger", "invalid_nonce"), TagsOf(metrics, LighterTelemetry.NonceResyncsInstrument));
            Assert.Contains(("lighter.result", "advanced"), TagsOf(metrics, LighterTelemetry.NonceResyncsInstrument));
            Assert.Contains(("lighter.hole", "opened"), TagsOf(metrics, LighterTelemetry.NonceHolesInstrument));
            Assert.Contains(("lighter.hole", "filled"), TagsOf(metrics, LighterTelemetry.NonceHolesInstrument));
            Assert.Contains(("lighter.reason", "dropped"), TagsOf(metrics, LighterTelemetry.WebSocketReconnectsInstrument));
            Assert.Contains(("lighter.reason", "gap"), TagsOf(metrics, LighterTelemetry.OrderBookResyncsInstrument));
            Assert.Contains(("lighter.reason", "reconnect"), TagsOf(metrics, LighterTelemetry.OrderBookResyncsInstrument));

            var token = client.Signer!.CreateAuthToken(DateTimeOffset.UtcNow.AddMinutes(5));
            string[] secrets = [key.ExportHex()[2..], key.ExportHex(), token.Split(':')[^1]];
            var tagText = spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)).ToList();
            Assert.NotEmpty(logs.Lines);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(tagText, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }

            // The signed body never becomes a tag either, nor does a secret become a metric tag.
            Assert.DoesNotContain(tagText, t => t.Contains("\"Sig\"", StringComparison.Ordinal) || t.Contains("tx_info", StringComparison.Ordinal));
            var metricTags = metrics.SelectMany(m => TagsOf(metrics, m.Name)).Select(t => $"{t.Key}={t.Value}").ToList();
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(metricTags, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    /// <summary>
    /// A refused transaction (no such order) and an accepted one leave with consecutive nonces; the refused, lower one
    /// goes back as a hole, which the next transaction fills. Both calls lease their nonce when called (the manager is
    /// initialised); the first send to arrive is held 200 ms, so neither answer can come back before both have leased.
    /// </summary>
    private static async Task OpenAndFillANonceHoleAsync(LighterSandbox sandbox, LighterClient client)
    {
        sandbox.Faults.DelayNext(TimeSpan.FromMilliseconds(200), pathPrefix: "/api/v1/sendTx");
        var refused = client.CancelOrderAsync(0, 987_654);
        var accepted = client.CancelAllOrdersAsync();
        await Assert.ThrowsAsync<LighterSubmissionException>(() => refused);
        await accepted;
        await client.CancelAllOrdersAsync();
    }

    /// <summary>With one message per minute, the second subscription waits a (fake) minute for the WebSocket send limiter.</summary>
    private static async Task WaitForTheMessageBudgetAsync(LighterSandbox sandbox)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var stream = StreamClient(sandbox, time, maxMessagesPerMinute: 1);
        await stream.ConnectAsync(); // subscriptions made while connected are sent at once, the second one after a wait
        await stream.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        var held = stream.SubscribeAsync(RawStreamMessage.Channel("trade/1"));
        Assert.False(held.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));
        await held.WaitAsync(Guard);
    }

    /// <summary>A stream client on a fake clock: keepalive far away, and each reconnect backoff released at once.</summary>
    private static LighterWebSocketClient StreamClient(LighterSandbox sandbox, FakeTimeProvider time, int maxMessagesPerMinute)
    {
        var stream = new LighterWebSocketClient(
            new LighterWebSocketOptions
            {
                Uri = sandbox.WebSocketUri, MaxMessagesPerMinute = maxMessagesPerMinute,
                KeepAliveInterval = TimeSpan.FromHours(1), DeadConnectionTimeout = TimeSpan.FromHours(2),
            },
            timeProvider: time);
        stream.StateChanged += (_, e) =>
        {
            if (e.Current == ConnectionState.Reconnecting) time.Advance(e.RetryIn); // the backoff timer exists by now
        };
        return stream;
    }

    private static Task UntilAsync(LocalOrderBook book, Func<LocalOrderBook, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs e)
        {
            if (condition(book) && done.TrySetResult())
            {
                book.Changed -= Check;
                book.StatusChanged -= Check;
            }
        }

        book.Changed += Check;
        book.StatusChanged += Check;
        Check(null, EventArgs.Empty);
        return done.Task.WaitAsync(Guard);
    }

    private static List<(string Key, object? Value)> TagsOf(List<Metric> metrics, string instrument)
    {
        var tags = new List<(string, object?)>();
        foreach (var metric in metrics.Where(m => m.Name == instrument))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    tags.Add((tag.Key, tag.Value));
                }
            }
        }

        return tags;
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Lines) owner.Lines.Add(formatter(state, exception) + " " + exception);
            }
        }
    }
}

/// <summary>Telemetry tests listen to process-wide sources: they do not run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
