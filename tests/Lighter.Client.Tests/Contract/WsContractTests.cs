using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lighter.Client.Streaming;
using Lighter.Client.Streaming.Messages;
using Lighter.Client.Tests.Streaming;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// Contract tests generated from <c>spec/asyncapi.json</c> (with our overlay) at test time: one case per message.
/// A message the server sends is built from its schema and must decode into its generated record — channel
/// messages through a real subscription (scripted server → socket → the client's dispatcher), control frames
/// through the generated decoder — with every field mapped and an equal JSON round trip. A message the client
/// sends is produced by the client itself and must be valid against its schema.
/// </summary>
public sealed class WsContractTests(WsContractFixture f) : IClassFixture<WsContractFixture>
{
    private const string TxInfo = """{"AccountIndex":7,"Nonce":3,"Sig":"abc"}""";

    internal static TheoryData<string> MessagesOf(AsyncApiDocument document)
    {
        var cases = new TheoryData<string>();
        foreach (var message in document.Messages())
        {
            cases.Add(message.Name);
        }

        return cases;
    }

    public static TheoryData<string> Messages => MessagesOf(AsyncApiDocument.LoadWithOverlay());

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Message_matches_the_spec(string name)
    {
        var message = Assert.Single(f.Spec.Messages(), m => m.Name == name);
        var record = typeof(LighterMessages).Assembly.GetType($"{typeof(LighterMessages).Namespace}.{name}");
        Assert.True(record is not null, $"no generated record for message {name}");

        if (LighterMessages.Sent.Contains(record))
        {
            var sent = await SendAsync(record);
            Assert.Equal(message.MessageType, ScriptedLighterServer.Type(sent));
            Assert.Empty(new SchemaChecker(f.Spec.Resolve).Check(sent, message.Payload));
            return;
        }

        var frame = new SchemaSampler(f.Spec.Resolve).Sample(message.Payload)!.AsObject();
        frame["type"] = message.MessageType;
        var decoded = record.BaseType == typeof(ControlMessage)
            ? LighterMessages.Decode(message.MessageType, JsonSerializer.SerializeToUtf8Bytes(frame))
            : await ReceiveThroughSubscriptionAsync(record, frame);

        Assert.IsType(record, decoded);
        Assert.Empty(UnmappedFields.Of(decoded, name));
        Assert.Empty(SemanticJson.Differences(JsonSerializer.SerializeToElement(frame), JsonSerializer.SerializeToElement(decoded, record, LighterStreamJson.Options)));
    }

    /// <summary>Subscribes to the record's channel (factory found by its message base type) and publishes the frame.</summary>
    private async Task<object?> ReceiveThroughSubscriptionAsync(Type record, JsonObject frame)
    {
        var subscriptionType = typeof(ChannelSubscription<>).MakeGenericType(record.BaseType!);
        var factory = typeof(LighterChannels).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == subscriptionType)
            .OrderByDescending(m => m.GetParameters().Length)
            .First();
        var channel = factory.Invoke(null, factory.GetParameters().Select(p => p.ParameterType == typeof(string) ? "1h" : p.ParameterType == typeof(short) ? (object)(short)1 : 1L).ToArray());
        var receive = typeof(WsContractTests).GetMethod(nameof(ReceiveAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(record.BaseType!);
        return await (Task<object?>)receive.Invoke(this, [channel, frame, record])!;
    }

    private async Task<object?> ReceiveAsync<T>(ChannelSubscription<T> channel, JsonObject frame, Type record)
        where T : class
    {
        var nth = f.NextSubscribe(channel.Address);
        await using var subscription = await f.Harness.Client.SubscribeAsync(channel);
        var seen = 0;
        await f.Harness.Server.WaitForFrameAsync((_, sent) => ScriptedLighterServer.Type(sent) == "subscribe"
                                                               && sent.GetProperty("channel").GetString() == channel.Address && ++seen == nth);
        frame["channel"] = channel.Address.Replace('/', ':'); // the exchange echoes the address with ':'
        await f.Harness.Server.PublishAsync(channel.Address, frame.ToJsonString());

        // The server may send its own frames first (an order book snapshot on subscribe): take the one published here.
        var wanted = JsonSerializer.SerializeToElement(frame);
        using var guard = new CancellationTokenSource(TestWait.Guard);
        await foreach (var message in subscription.ReadAllAsync(guard.Token))
        {
            if (message.GetType() == record && ((JsonElement?)JsonSerializer.SerializeToElement(message, record, LighterStreamJson.Options)) is { } written
                && written.GetProperty("channel").GetString() == (string?)frame["channel"]
                && written.TryGetProperty("timestamp", out var t) == frame.ContainsKey("timestamp")
                && (!frame.ContainsKey("timestamp") || t.GetRawText() == frame["timestamp"]!.ToJsonString())
                && written.GetProperty("type").GetString() == (string?)frame["type"])
            {
                return message;
            }
        }

        throw new Xunit.Sdk.XunitException($"{record.Name}: the published frame never arrived ({wanted.GetRawText()})");
    }

    /// <summary>Makes the client send the frame of <paramref name="record"/> and returns it as the server received it.</summary>
    private async Task<JsonElement> SendAsync(Type record)
    {
        var server = f.Harness.Server;
        var client = f.Harness.Client;
        if (record == typeof(SubscribeRequest) || record == typeof(UnsubscribeRequest))
        {
            // A private channel, so the subscribe frame carries its auth token too.
            var channel = LighterChannels.AccountTx(900 + f.NextSubscribe("sent"));
            Assert.True(channel.RequiresAuth);
            await (await client.SubscribeAsync(channel)).DisposeAsync();
            var type = record == typeof(SubscribeRequest) ? "subscribe" : "unsubscribe";
            return await server.WaitForFrameAsync((_, sent) => ScriptedLighterServer.Type(sent) == type
                                                               && sent.GetProperty("channel").GetString() == channel.Address);
        }

        if (record == typeof(Ping))
        {
            await client.ConnectAsync();
            f.Harness.Time.Advance(f.Harness.Options.KeepAliveInterval);
            return await server.WaitForFrameAsync((_, sent) => ScriptedLighterServer.Type(sent) == "ping");
        }

        if (record == typeof(SendTx))
        {
            await client.SendTransactionAsync(new TxPayload(14, TxInfo)).WaitAsync(TestWait.Guard);
            return await server.WaitForFrameAsync((_, sent) => ScriptedLighterServer.Type(sent) == "jsonapi/sendtx");
        }

        if (record == typeof(SendTxBatch))
        {
            await client.SendTransactionBatchAsync([new TxPayload(14, TxInfo), new TxPayload(15, TxInfo)]).WaitAsync(TestWait.Guard);
            return await server.WaitForFrameAsync((_, sent) => ScriptedLighterServer.Type(sent) == "jsonapi/sendtxbatch");
        }

        throw new Xunit.Sdk.XunitException($"the client sends {record.Name}, but this test does not know how to make it send one");
    }
}
