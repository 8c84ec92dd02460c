namespace Lighter.Client.Streaming;

/// <summary>
/// Decodes one frame of a channel. Returns <see langword="null"/> when <paramref name="messageType"/> is not a
/// message of the channel; the client then reports it as <see cref="StreamDiagnosticKind.UnknownMessageType"/>.
/// </summary>
/// <typeparam name="T">Message type of the channel.</typeparam>
/// <param name="messageType">The frame's <c>type</c> discriminator, e.g. <c>update/trade</c>.</param>
/// <param name="utf8Json">The whole frame.</param>
public delegate T? StreamMessageDecoder<out T>(string messageType, ReadOnlySpan<byte> utf8Json)
    where T : class;

/// <summary>
/// What to subscribe to: a channel address (e.g. <c>trade/0</c>), whether it needs an auth token, and how its
/// frames decode. The generated <c>LighterChannels</c> class creates one per AsyncAPI channel.
/// </summary>
/// <typeparam name="T">Message type of the channel.</typeparam>
public sealed class ChannelSubscription<T>
    where T : class
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="address">Channel address with <c>/</c> separators, as sent in the subscribe frame.</param>
    /// <param name="requiresAuth">Whether the subscribe frame must carry an auth token.</param>
    /// <param name="decoder">Decodes the channel's frames.</param>
    public ChannelSubscription(string address, bool requiresAuth, StreamMessageDecoder<T> decoder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentNullException.ThrowIfNull(decoder);
        if (address.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("Channel addresses use '/' separators (the server echoes them with ':').", nameof(address));
        }

        Address = address;
        RequiresAuth = requiresAuth;
        Decoder = decoder;
    }

    /// <summary>Channel address, e.g. <c>order_book/0</c>.</summary>
    public string Address { get; }

    /// <summary>Whether the subscribe frame carries an auth token.</summary>
    public bool RequiresAuth { get; }

    /// <summary>Frame decoder.</summary>
    public StreamMessageDecoder<T> Decoder { get; }

    /// <inheritdoc />
    public override string ToString() => Address;
}
