using Snapshooter.Xunit;

namespace Lighter.Generator.Tests;

/// <summary>
/// The generated public surface, checked against committed snapshots (__snapshots__/). A spec or generator change
/// that alters the surface fails here until the snapshot is reviewed and updated (delete it and rerun locally;
/// CI runs with SNAPSHOOTER_STRICT_MODE=true, where a missing snapshot fails).
/// </summary>
public class SurfaceSnapshotTests
{
    [Fact]
    public void Api_surface_matches_snapshot() => Snapshot.Match(SurfaceDescriber.Api());

    [Fact]
    public void Model_surface_matches_snapshot() => Snapshot.Match(SurfaceDescriber.Models());

    [Fact]
    public void Stream_surface_matches_snapshot() => Snapshot.Match(SurfaceDescriber.Streams());
}
