using Lighter.Client.Api;

namespace Lighter.Client.Tests.Api;

/// <summary>The page walk behind every generated <c>EnumerateXxxAsync</c> helper.</summary>
public sealed class CursorPagerTests
{
    private sealed record Page(IReadOnlyList<int>? Items, string? Next);

    /// <summary>Serves <paramref name="pages"/> by the cursor sent (null for the first) and records every request.</summary>
    private sealed class FakeServer(Dictionary<string, Page> pages)
    {
        public List<string?> Sent { get; } = [];

        public Task<Page> FetchAsync(string? cursor, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Sent.Add(cursor);
            return Task.FromResult(pages[cursor ?? "first"]);
        }

        public IAsyncEnumerable<int> Walk(CancellationToken cancellationToken = default) =>
            CursorPager.EnumerateAsync<Page, int>("probe", FetchAsync, p => p.Items, p => p.Next, cancellationToken);
    }

    [Fact]
    public async Task Follows_each_cursor_until_an_answer_has_none()
    {
        var server = new FakeServer(new()
        {
            ["first"] = new([1, 2], "b"),
            ["b"] = new([3], "c"),
            ["c"] = new([4, 5], null),
        });

        Assert.Equal([1, 2, 3, 4, 5], await server.Walk().ToListAsync());
        Assert.Equal([null, "b", "c"], server.Sent);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_empty_or_missing_cursor_ends_the_sequence(string? cursor)
    {
        var server = new FakeServer(new() { ["first"] = new([1], cursor) });

        Assert.Equal([1], await server.Walk().ToListAsync());
        Assert.Single(server.Sent);
    }

    [Fact]
    public async Task A_page_without_items_ends_the_sequence_even_with_a_cursor()
    {
        var server = new FakeServer(new() { ["first"] = new([1], "b"), ["b"] = new([], "c"), ["c"] = new([9], null) });

        Assert.Equal([1], await server.Walk().ToListAsync());
        Assert.Equal([null, "b"], server.Sent);
    }

    [Fact]
    public async Task A_missing_items_array_is_an_empty_page()
    {
        var server = new FakeServer(new() { ["first"] = new(null, "b") });

        Assert.Empty(await server.Walk().ToListAsync());
    }

    [Fact]
    public async Task A_cursor_returned_twice_throws_instead_of_repeating_pages()
    {
        var server = new FakeServer(new() { ["first"] = new([1], "b"), ["b"] = new([2], "c"), ["c"] = new([3], "b") });
        var read = new List<int>();

        var thrown = await Assert.ThrowsAsync<LighterApiException>(async () =>
        {
            await foreach (var item in server.Walk())
            {
                read.Add(item);
            }
        });

        Assert.Equal([1, 2, 3], read);
        Assert.Equal("probe", thrown.Operation);
        Assert.Contains("'b'", thrown.Message, StringComparison.Ordinal);
        Assert.False(thrown.IsTransient);
        Assert.Equal(3, server.Sent.Count);
    }

    [Fact]
    public async Task Pages_are_fetched_only_as_the_caller_reads_on()
    {
        var server = new FakeServer(new() { ["first"] = new([1, 2], "b"), ["b"] = new([3], null) });
        await using var reader = server.Walk().GetAsyncEnumerator();

        Assert.Empty(server.Sent); // nothing is sent before the first read
        Assert.True(await reader.MoveNextAsync());
        Assert.True(await reader.MoveNextAsync());
        Assert.Single(server.Sent);
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(3, reader.Current);
        Assert.Equal(2, server.Sent.Count);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_before_the_next_request()
    {
        var server = new FakeServer(new() { ["first"] = new([1], "b"), ["b"] = new([2], null) });
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in server.Walk().WithCancellation(cts.Token))
            {
                await cts.CancelAsync(); // the token given to WithCancellation, not to the helper
            }
        });

        Assert.Single(server.Sent);
    }

    [Fact]
    public async Task A_failed_page_surfaces_from_the_enumerator()
    {
        var calls = 0;
        var pages = CursorPager.EnumerateAsync<Page, int>("probe",
            (cursor, _) => ++calls == 1
                ? Task.FromResult(new Page([1], "b"))
                : throw new LighterApiException("probe", System.Net.HttpStatusCode.ServiceUnavailable, null, null, isTransient: true),
            p => p.Items, p => p.Next);
        var read = new List<int>();

        var thrown = await Assert.ThrowsAsync<LighterApiException>(async () =>
        {
            await foreach (var item in pages)
            {
                read.Add(item);
            }
        });

        Assert.Equal([1], read);
        Assert.True(thrown.IsTransient);
    }
}
