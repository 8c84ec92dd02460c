using System.Text.Json;
using System.Text.RegularExpressions;
using Lighter.Generator.AsyncApi;

namespace Lighter.Generator.Tests.AsyncApi;

/// <summary>
/// The expected channel and message lists are read from the AsyncAPI document here, independently of the
/// emitter, so a channel or message added to the document fails these tests until it is generated.
/// </summary>
public sealed class AsyncApiEmitterTests
{
    private static readonly Lazy<string> Source = new(() =>
        AsyncApiEmitter.Emit(File.ReadAllText(SpecFiles.AsyncApi), File.ReadAllText(SpecFiles.Overlay), File.ReadAllText(SpecFiles.OpenApi)));

    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(SpecFiles.AsyncApi)));

    public static TheoryData<string> Channels()
    {
        var data = new TheoryData<string>();
        foreach (var channel in Document.Value.RootElement.GetProperty("channels").EnumerateObject())
        {
            data.Add(channel.Name);
        }

        return data;
    }

    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        foreach (var message in Document.Value.RootElement.GetProperty("components").GetProperty("messages").EnumerateObject())
        {
            data.Add(message.Name, message.Value.GetProperty("x-message-type").GetString()!);
        }

        return data;
    }

    [Fact]
    public void The_document_has_the_20_channels_of_the_issue_plus_control()
    {
        var keys = Document.Value.RootElement.GetProperty("channels").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Equal(21, keys.Count);
        Assert.Contains("_control", keys);
        Assert.Equal(49, Document.Value.RootElement.GetProperty("components").GetProperty("messages").EnumerateObject().Count());
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Every_channel_gets_a_message_base_and_a_typed_subscription(string channel)
    {
        var pascal = string.Concat(channel.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        var baseName = channel == "_control" ? "ControlMessage" : pascal + "ChannelMessage";
        Assert.Contains($"public abstract record {baseName} : LighterStreamMessage;", Source.Value, StringComparison.Ordinal);
        Assert.Contains(Literal(channel), Source.Value, StringComparison.Ordinal); // LighterChannels.Keys
        if (channel != "_control")
        {
            Assert.Matches(new Regex($@"public static ChannelSubscription<{baseName}> {pascal}\("), Source.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_gets_a_record_with_its_type_discriminator(string message, string messageType)
    {
        var record = RecordText(message);
        Assert.Contains($"public const string MessageType = {Literal(messageType)};", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_received_message_is_in_the_dispatch_table_and_every_channel_decoder_knows_its_messages()
    {
        var root = Document.Value.RootElement;
        foreach (var operation in root.GetProperty("operations").EnumerateObject().Select(o => o.Value))
        {
            var channel = operation.GetProperty("channel").GetProperty("$ref").GetString()!.Split('/')[^1];
            foreach (var reference in operation.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("$ref").GetString()!))
            {
                var name = reference.Split('/')[^1];
                if (operation.GetProperty("action").GetString() == "receive")
                {
                    Assert.Contains($"[{name}.MessageType] = typeof({name}),", Source.Value, StringComparison.Ordinal);
                    if (channel != "_control")
                    {
                        Assert.Contains($"{name}.MessageType => JsonSerializer.Deserialize<{name}>(utf8Json, LighterStreamJson.Options),", Source.Value, StringComparison.Ordinal);
                    }
                }
            }
        }
    }

    [Fact]
    public void Channels_whose_subscribe_operation_is_secured_require_an_auth_token()
    {
        var root = Document.Value.RootElement;
        var secured = root.GetProperty("operations").EnumerateObject().Select(o => o.Value)
            .Where(o => o.GetProperty("action").GetString() == "send" && o.TryGetProperty("security", out var s) && s.GetArrayLength() > 0)
            .Select(o => o.GetProperty("channel").GetProperty("$ref").GetString()!.Split('/')[^1])
            .ToHashSet();
        Assert.Equal(9, secured.Count);
        var factories = Regex.Matches(Source.Value, @"new\(string\.Create\([^,]+, \$""(?<channel>[a-z_]+)/[^""]*""\), requiresAuth: (?<auth>true|false)");
        Assert.Equal(19, factories.Count); // every parameterised channel (all but `height`)
        foreach (Match factory in factories)
        {
            Assert.Equal(secured.Contains(factory.Groups["channel"].Value), factory.Groups["auth"].Value == "true");
        }
    }

    [Fact]
    public void The_overlay_adds_nonce_and_begin_nonce_to_both_order_book_payloads()
    {
        var state = RecordText("OrderBookState");
        Assert.Contains("[JsonPropertyName(\"nonce\")]\n    public long? Nonce", state, StringComparison.Ordinal);
        Assert.Contains("[JsonPropertyName(\"begin_nonce\")]\n    public long? BeginNonce", state, StringComparison.Ordinal);
        Assert.Contains("public OrderBookState? OrderBook", RecordText("OrderBookSubscribed"), StringComparison.Ordinal);
        Assert.Contains("public OrderBookState? OrderBook", RecordText("OrderBookUpdate"), StringComparison.Ordinal);
        Assert.Contains("IReadOnlyList<OrderBookLevel>? Bids", state, StringComparison.Ordinal);
        Assert.Contains("public string? Price", RecordText("OrderBookLevel"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_kept_in_extension_data_on_every_record()
    {
        foreach (Match record in Regex.Matches(Source.Value, @"public sealed record (\w+)( : \w+)?\n"))
        {
            var text = RecordText(record.Groups[1].Value);
            var inherits = record.Groups[2].Success; // message records inherit LighterStreamMessage's extension data
            Assert.True(inherits || text.Contains("[JsonExtensionData]", StringComparison.Ordinal), record.Groups[1].Value);
        }
    }

    [Fact]
    public void Shared_schemas_reuse_a_rest_model_only_when_the_shape_matches()
    {
        // PositionFunding: same 8 properties and types in both documents. Trade: REST requires fields the socket omits.
        Assert.Contains("IReadOnlyList<global::Lighter.Client.Models.PositionFunding>? FundingHistories", Source.Value, StringComparison.Ordinal);
        Assert.Contains("public sealed record WsTrade", Source.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("global::Lighter.Client.Models.Trade", Source.Value, StringComparison.Ordinal);

        var standalone = AsyncApiEmitter.Emit(File.ReadAllText(SpecFiles.AsyncApi), File.ReadAllText(SpecFiles.Overlay), openApiJson: null);
        Assert.DoesNotContain("global::Lighter.Client.Models", standalone, StringComparison.Ordinal);
        Assert.Contains("public sealed record WsPositionFunding", standalone, StringComparison.Ordinal);
    }

    [Fact]
    public void Markets_that_accept_all_get_an_all_variant()
    {
        Assert.Contains("MarketStatsAll() =>", Source.Value, StringComparison.Ordinal);
        Assert.Contains("\"market_stats/all\"", Source.Value, StringComparison.Ordinal);
        Assert.Contains("SpotMarketStatsAll() =>", Source.Value, StringComparison.Ordinal);
        Assert.Contains("Candle(short marketId, string resolution)", Source.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var again = AsyncApiEmitter.Emit(File.ReadAllText(SpecFiles.AsyncApi), File.ReadAllText(SpecFiles.Overlay), File.ReadAllText(SpecFiles.OpenApi));
        Assert.Equal(Source.Value, again);
    }

    [Fact]
    public void A_bad_overlay_target_is_an_error_naming_the_target()
    {
        const string Overlay = """{"overlay":"1.0.0","actions":[{"target":"$.components.messages.Nope.payload","update":{}}]}""";
        var error = Assert.Throws<InvalidDataException>(() => AsyncApiEmitter.Emit(File.ReadAllText(SpecFiles.AsyncApi), Overlay, null));
        Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);
    }

    private static string RecordText(string name)
    {
        var start = Source.Value.IndexOf($"public sealed record {name}\n", StringComparison.Ordinal);
        if (start < 0)
        {
            start = Source.Value.IndexOf($"public sealed record {name} :", StringComparison.Ordinal);
        }

        Assert.True(start >= 0, $"record {name} is not generated");
        var end = Source.Value.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return Source.Value[start..end];
    }

    private static string Literal(string text) => "\"" + text + "\"";
}
