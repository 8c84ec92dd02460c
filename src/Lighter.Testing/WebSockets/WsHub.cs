using System.Net.WebSockets;
using System.Text.Json;
using Lighter.Testing.Exchange;
using Lighter.Testing.Http;

namespace Lighter.Testing.WebSockets;

/// <summary>
/// The <c>/stream</c> endpoint: connections, subscriptions, snapshots and updates, ping/pong and transaction
/// submission over the socket. Subscribing happens under the exchange lock, so a snapshot and the updates
/// after it never overlap or miss a change.
/// </summary>
internal sealed partial class WsHub : IExchangeListener
{
    private readonly SandboxExchange _ex;
    private readonly object _sessionsGate = new();
    private readonly List<WsSession> _sessions = [];
    private readonly Dictionary<int, BookFeed> _feeds = [];
    private long _offset = 1_000;

    private readonly TimeSpan? _idleTimeout;
    private readonly TimeProvider _time;

    public WsHub(SandboxExchange ex, TimeSpan? idleTimeout, TimeProvider time)
    {
        _ex = ex;
        _idleTimeout = idleTimeout;
        _time = time;
        foreach (var market in ex.Markets)
        {
            _feeds.Add(market.MarketId, new BookFeed());
        }

        ex.AddListener(this);
    }

    /// <summary>Serves one accepted socket until it closes.</summary>
    public async Task RunAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var session = new WsSession(socket, _idleTimeout, _time);
        lock (_sessionsGate)
        {
            _sessions.Add(session);
        }

        session.Send(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "connected");
            w.WriteEndObject();
        });
        try
        {
            await session.RunAsync(OnMessageAsync, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _ex.Read(() =>
            {
                lock (_sessionsGate)
                {
                    return _sessions.Remove(session);
                }
            });
        }
    }

    /// <summary>Drops every open connection without a close handshake.</summary>
    public void DropAll()
    {
        List<WsSession> sessions;
        lock (_sessionsGate)
        {
            sessions = [.. _sessions];
        }

        foreach (var session in sessions)
        {
            session.Abort();
        }
    }

    /// <summary>Suppresses the next <paramref name="count"/> order-book updates of a market (a gap for clients).</summary>
    public void DropBookUpdates(int marketId, int count) =>
        _ex.Read(() => _feeds.TryGetValue(marketId, out var feed)
            ? feed.Dropped += count
            : throw new ArgumentOutOfRangeException(nameof(marketId), marketId, "The sandbox does not list this market."));

    private Task OnMessageAsync(WsSession session, JsonElement message)
    {
        switch (WsProtocol.Text(message, "type"))
        {
            case "ping":
                session.Send(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("type", "pong");
                    w.WriteEndObject();
                });
                break;
            case "subscribe":
                Subscribe(session, WsProtocol.Text(message, "channel"), WsProtocol.Text(message, "auth"));
                break;
            case "unsubscribe":
                Unsubscribe(session, WsProtocol.Text(message, "channel"));
                break;
            case "jsonapi/sendtx":
            case "jsonapi/sendtxbatch":
                session.Send(w => WsTxHandler.Handle(w, _ex, message));
                break;
            default:
                session.Send(w => WsProtocol.WriteError(w, SandboxErrorCodes.WebsocketInvalidType, "Invalid Type"));
                break;
        }

        return Task.CompletedTask;
    }

    private void Subscribe(WsSession session, string? address, string? auth)
    {
        if (WsProtocol.ParseChannel(address) is not { } channel)
        {
            session.Send(w => WsProtocol.WriteError(w, SandboxErrorCodes.WebsocketInvalidChannel, "Invalid Channel"));
            return;
        }

        try
        {
            _ex.Read(() =>
            {
                if (channel.Kind == "account_orders")
                {
                    _ex.CheckAuth(auth, channel.Args[1]);
                }
                else if (channel.Kind == "account_all_orders")
                {
                    _ex.CheckAuth(auth, channel.Args[0]);
                }

                var snapshot = Snapshot(channel);
                lock (_sessionsGate)
                {
                    if (!session.Channels.Add(channel.Echo))
                    {
                        throw new ExchangeException(SandboxErrorCodes.WebsocketAlreadySubscribed, "Already Subscribed to " + channel.Echo);
                    }
                }

                session.Send(snapshot);
                return 0;
            });
        }
        catch (ExchangeException error)
        {
            var code = error.Code == SandboxErrorCodes.WebsocketAlreadySubscribed ? error.Code : SandboxErrorCodes.WebsocketFailedToSubscribe;
            var text = code == error.Code ? error.Message : "Failed to subscribe: " + error.Message;
            session.Send(w => WsProtocol.WriteError(w, code, text));
        }
    }

    private void Unsubscribe(WsSession session, string? address)
    {
        var echo = WsProtocol.ParseChannel(address)?.Echo ?? address ?? "";
        bool removed;
        lock (_sessionsGate)
        {
            removed = session.Channels.Remove(echo);
        }

        if (!removed)
        {
            session.Send(w => WsProtocol.WriteError(w, SandboxErrorCodes.WebsocketNotSubscribed, "Not Subscribed to " + echo));
        }
    }

    /// <summary>Sends <paramref name="message"/> to every connection subscribed to <paramref name="channel"/>.</summary>
    private void Broadcast(string channel, Func<byte[]> message)
    {
        byte[]? built = null;
        lock (_sessionsGate)
        {
            foreach (var session in _sessions.Where(s => s.Channels.Contains(channel)))
            {
                session.Send(built ??= message());
            }
        }
    }

    private static void WriteOrders(Utf8JsonWriter w, IEnumerable<OrderState> orders)
    {
        w.WriteStartArray("orders");
        foreach (var order in orders)
        {
            JsonShapes.WriteOrder(w, order);
        }

        w.WriteEndArray();
    }

    /// <summary>The order-book sequence state of one market.</summary>
    private sealed class BookFeed
    {
        public long Nonce { get; set; } = 100;

        public int Dropped { get; set; }
    }
}
