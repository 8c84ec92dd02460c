namespace Lighter.Client.Streaming;

/// <summary>Whether a subscription is currently fed by a live socket.</summary>
public enum SubscriptionStatus
{
    /// <summary>The subscribe frame has not been sent on a connected socket yet.</summary>
    Subscribing,

    /// <summary>Subscribed on a connected socket; messages flow.</summary>
    Live,

    /// <summary>
    /// The socket carrying the subscription was lost; nothing arrives until a reconnect resubscribes (then
    /// <see cref="Live"/> again). Data already received is as old as the last message.
    /// </summary>
    Disconnected,

    /// <summary>Ended normally (unsubscribed or the client was disposed).</summary>
    Completed,

    /// <summary>Ended for good because the client gave up reconnecting (<see cref="LighterConnectionException"/>).</summary>
    Faulted,
}
