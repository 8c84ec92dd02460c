using System.Text;

namespace Lighter.Client.Streaming;

/// <summary>An undecoded frame: its <c>type</c> and the JSON text. Useful for channels the AsyncAPI document leaves open.</summary>
/// <param name="Type">The frame's <c>type</c> discriminator.</param>
/// <param name="Json">The whole frame as JSON text.</param>
public sealed record RawStreamMessage(string Type, string Json)
{
    /// <summary>Subscribes to any channel address and delivers its frames undecoded.</summary>
    /// <param name="address">Channel address, e.g. <c>height</c>.</param>
    /// <param name="requiresAuth">Whether the subscribe frame must carry an auth token.</param>
    public static ChannelSubscription<RawStreamMessage> Channel(string address, bool requiresAuth = false) =>
        new(address, requiresAuth, static (type, json) => new RawStreamMessage(type, Encoding.UTF8.GetString(json)));
}
