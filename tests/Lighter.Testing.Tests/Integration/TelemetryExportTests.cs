using System.Diagnostics;
using Lighter.Client;
using Lighter.Client.Diagnostics;
using Lighter.Signing;
using Lighter.Signing.Transactions;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Lighter.Testing.Tests.Integration;

/// <summary>
/// The client's spans and metrics as an application collects them (OpenTelemetry's in-memory exporter) on the sandbox:
/// a span per REST call and per submission, every documented instrument, and no secret in any tag or log line.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryExportTests
{
    private static readonly string[] DocumentedInstruments =
    [
        LighterTelemetry.RestRequestsInstrument, LighterTelemetry.RestDurationInstrument, LighterTelemetry.RestRetriesInstrument,
        LighterTelemetry.RestThrottledInstrument, LighterTelemetry.SubmissionsInstrument, LighterTelemetry.SigningDurationInstrument,
    ];

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
            await using var client = LighterClient.Create(new LighterClientOptions
            {
                Environment = "custom", BaseUrl = sandbox.BaseUri, WebSocketUrl = sandbox.WebSocketUri, ChainId = (int)sandbox.ChainId,
                AccountIndex = account.Index, ApiKeyIndex = 3, PrivateKey = key.ExportHex(), RateLimitTier = RateLimitTier.Unlimited,
                RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            }, loggerFactory: loggers);

            sandbox.Faults.RateLimitNext(times: 1, retryAfter: TimeSpan.Zero, pathPrefix: "/api/v1/orderBookDetails"); // a 429, retried
            var placed = await client.CreateLimitOrderAsync(0, OrderSide.Buy, 0.01m, 2000m, clientOrderIndex: 5);
            await client.CancelOrderAsync(0, 5);
            var orders = await client.Order.AccountActiveOrdersAsync(account.Index, marketId: 0);   // auth token attached
            Assert.Empty(orders.Items);

            tracing.ForceFlush();
            metering.ForceFlush();

            Assert.Contains(spans, s => s.DisplayName == "lighter.rest orderBookDetails" && s.GetTagItem("lighter.retry_count") is not null);
            Assert.Contains(spans, s => s.DisplayName == "lighter.rest accountActiveOrders");
            var submits = spans.Where(s => s.DisplayName == "lighter.submit").ToList();
            Assert.Equal(2, submits.Count);
            Assert.Contains(submits, s => (string?)s.GetTagItem("lighter.tx_hash") == placed.TxHash
                                          && (string?)s.GetTagItem("lighter.verdict") == "Answered"
                                          && s.GetTagItem("lighter.nonce") is long);
            Assert.Equal(DocumentedInstruments.Order(), metrics.Select(m => m.Name).Distinct().Where(DocumentedInstruments.Contains).Order());

            var token = client.Signer!.CreateAuthToken(DateTimeOffset.UtcNow.AddMinutes(5));
            string[] secrets = [key.ExportHex()[2..], key.ExportHex(), token.Split(':')[^1]];
            var tagText = spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)).ToList();
            Assert.NotEmpty(logs.Lines);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(tagText, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }

            // The signed body never becomes a tag either.
            Assert.DoesNotContain(tagText, t => t.Contains("\"Sig\"", StringComparison.Ordinal) || t.Contains("tx_info", StringComparison.Ordinal));
        }
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
