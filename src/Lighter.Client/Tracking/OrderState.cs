namespace Lighter.Client.Tracking;

/// <summary>Where an order stands in its life, as the tracker last saw it.</summary>
public enum OrderState
{
    /// <summary>Submitted through the client; the exchange has not shown it yet.</summary>
    Pending,

    /// <summary>Resting on the book, nothing filled.</summary>
    Open,

    /// <summary>Resting on the book, part of it filled.</summary>
    PartiallyFilled,

    /// <summary>Completely filled (final).</summary>
    Filled,

    /// <summary>Cancelled by the account or by the exchange (final); <see cref="TrackedOrder.Reason"/> says which when known.</summary>
    Cancelled,

    /// <summary>Refused by the exchange without resting (final); <see cref="TrackedOrder.Reason"/> gives the exchange's reason.</summary>
    Rejected,

    /// <summary>Its expiry passed (final).</summary>
    Expired,
}
