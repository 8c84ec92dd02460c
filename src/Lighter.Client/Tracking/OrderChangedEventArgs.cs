namespace Lighter.Client.Tracking;

/// <summary>One change of one tracked order.</summary>
public sealed class OrderChangedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="previous">The order before the change (null when first seen).</param>
    /// <param name="current">The order after the change.</param>
    public OrderChangedEventArgs(TrackedOrder? previous, TrackedOrder current)
    {
        ArgumentNullException.ThrowIfNull(current);
        Previous = previous;
        Current = current;
    }

    /// <summary>The order before the change (null when first seen).</summary>
    public TrackedOrder? Previous { get; }

    /// <summary>The order after the change.</summary>
    public TrackedOrder Current { get; }
}
