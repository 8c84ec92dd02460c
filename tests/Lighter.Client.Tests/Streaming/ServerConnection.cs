using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;

namespace Lighter.Client.Tests.Streaming;

/// <summary>One accepted client socket on the scripted server.</summary>
internal sealed class ServerConnection(int id, WebSocket socket, bool responsive)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _channels = new();

    public int Id { get; } = id;

    /// <summary>A connection set to false goes silent: no pongs, no snapshots, no updates.</summary>
    public bool Responsive { get; set; } = responsive;

    public bool Closed { get; set; }

    public IReadOnlyCollection<string> Channels => _channels.Keys.ToList();

    public bool IsSubscribed(string channel) => _channels.ContainsKey(channel);

    public void Subscribe(string channel) => _channels[channel] = true;

    public void Unsubscribe(string channel) => _channels.TryRemove(channel, out _);

    public void Abort() => socket.Abort();

    /// <summary>Closes with a proper close handshake (status 1001), as a server going away for maintenance does.</summary>
    public async Task CloseAsync()
    {
        await _send.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    public async Task SendAsync(string frame)
    {
        if (!Responsive || Closed)
        {
            return;
        }

        await _send.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            Closed = true;
        }
        finally
        {
            _send.Release();
        }
    }
}
