using System.CommandLine;
using Lighter.Client;
using Lighter.Client.Streaming;
using Lighter.Client.OrderBooks;

namespace Lighter.Cli.Commands;

/// <summary>
/// <c>lighter book MARKET</c>: keeps a local order book over the WebSocket API. With <c>--until-offset K</c> it
/// exits 0 once it has applied a snapshot or update with offset ≥ K and prints the book as the last stdout line.
/// </summary>
internal static class BookCommand
{
    public static Command Create()
    {
        var market = new Argument<short>("MARKET") { Description = "Market index, e.g. 0." };
        var env = new EnvOptions(EnvParts.WebSocket);
        var untilOffset = new Option<long?>("--until-offset")
        {
            Description = "Exit once a snapshot or update with at least this offset is applied; print the book as one JSON line.",
        };
        var json = new Option<bool>("--json") { Description = "Print every change as a JSON book line instead of the top of book." };
        var connectTimeout = new Option<double>("--connect-timeout")
        {
            Description = "Seconds to wait for the first connection before giving up with exit code 3.",
            DefaultValueFactory = _ => BookRequest.DefaultConnectTimeout.TotalSeconds,
        };
        var command = new Command(
            "book",
            "Keep a local order book for MARKET. The final (or every, with --json) line is " +
            "{\"market\":M,\"offset\":O,\"bids\":[[\"price\",\"size\"],...],\"asks\":[...]} with bids descending, asks " +
            "ascending and the exchange's wire strings. Diagnostics go to stderr. Without --until-offset it runs until Ctrl+C. " +
            "A book whose connection is lost is not printed (stderr says it is not live) until a reconnect rebuilds it. " +
            "Exit codes: 0 ok; 1 the server refused the subscription (its message on stderr) or stopped before --until-offset was reached; " +
            "2 usage (also an unknown --env or a --ws-url that is not ws:// or wss://); 3 no connection within --connect-timeout.")
        {
            market, untilOffset, json, connectTimeout,
        };
        env.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Ctrl+C / SIGTERM end the stream cleanly (exit 0) instead of cutting the process off.
            using var stopping = TerminationSignals.Listen(cancellationToken);
            Uri uri;
            try
            {
                uri = env.Resolve(parse).WebSocketUrl;
            }
            catch (ArgumentException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(
                new BookRequest(parse.GetValue(market), uri, parse.GetValue(untilOffset), parse.GetValue(json))
                {
                    ConnectTimeout = TimeSpan.FromSeconds(parse.GetValue(connectTimeout)),
                },
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error,
                stopping.Token).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(BookRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken, TimeProvider? timeProvider = null)
    {
        if (request.Market < 0)
        {
            await error.WriteLineAsync("MARKET must be a non-negative market index.").ConfigureAwait(false);
            return 2;
        }

        if (request.ConnectTimeout <= TimeSpan.Zero)
        {
            await error.WriteLineAsync("--connect-timeout must be a positive number of seconds.").ConfigureAwait(false);
            return 2;
        }

        var client = new LighterWebSocketClient(new LighterWebSocketOptions { Uri = request.Uri });
        await using (client.ConfigureAwait(false))
        {
            var writeLock = new Lock();
            LocalOrderBook? subscribed = null;
            var refused = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            client.StateChanged += (_, e) => Write(error, writeLock, $"connection {e.ConnectionId}: {e.Current} ({e.Reason})");
            client.Diagnostic += (_, e) =>
            {
                Write(error, writeLock, $"{e.Kind}: {e.Message}");

                // The command sends nothing but this one subscription: an error frame before its first snapshot is
                // the server refusing it (error frames name no channel, so this is the only way to tell).
                if (e.Kind == StreamDiagnosticKind.ServerError && Volatile.Read(ref subscribed)?.LastUpdatedAt is null)
                {
                    refused.TrySetResult(e.Message);
                }
            };
            // The client reconnects forever by design; a person at a shell wants to hear that nothing answers.
            if (!await ConnectAsync(client, request.ConnectTimeout, timeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false))
            {
                Write(error, writeLock, $"No connection to {request.Uri} within {request.ConnectTimeout.TotalSeconds:0.#} s.");
                return cancellationToken.IsCancellationRequested ? (request.UntilOffset is null ? 0 : 1) : 3;
            }

            var done = new TaskCompletionSource<OrderBookSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            var subscription = await client.SubscribeOrderBookAsync(request.Market, cancellationToken).ConfigureAwait(false);
            await using (subscription.ConfigureAwait(false))
            {
                var book = subscription.Book;
                Volatile.Write(ref subscribed, book);
                void OnStatusChanged(object? sender, OrderBookStatusChangedEventArgs e)
                {
                    if (e.Current == LocalOrderBookStatus.Disconnected)
                    {
                        Write(error, writeLock, $"book {request.Market} is not live ({e.Reason}); nothing is printed until a reconnect rebuilds it");
                    }
                }

                void OnChanged(object? sender, EventArgs e)
                {
                    var copy = book.GetSnapshot();
                    if (copy.Status != LocalOrderBookStatus.Synced || done.Task.IsCompleted)
                    {
                        return;
                    }

                    if (request.Json)
                    {
                        Write(output, writeLock, BookJsonLine.Format(copy));
                    }
                    else if (request.UntilOffset is null)
                    {
                        Write(output, writeLock, BookJsonLine.TopOfBook(copy));
                    }

                    if (copy.Offset >= request.UntilOffset)
                    {
                        done.TrySetResult(copy);
                    }
                }

                book.Changed += OnChanged;
                book.StatusChanged += OnStatusChanged;
                OnChanged(null, EventArgs.Empty); // A snapshot may have landed before the handler was attached.
                try
                {
                    var first = await Task.WhenAny(done.Task, refused.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
                    if (first == refused.Task)
                    {
                        Write(error, writeLock, $"The server refused order_book/{request.Market}: {await refused.Task.ConfigureAwait(false)}");
                        return 1;
                    }

                    var final = await done.Task.ConfigureAwait(false);
                    if (!request.Json)
                    {
                        Write(output, writeLock, BookJsonLine.Format(final));
                    }

                    return 0;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return request.UntilOffset is null ? 0 : 1;
                }
                finally
                {
                    book.Changed -= OnChanged;
                    book.StatusChanged -= OnStatusChanged;
                }
            }
        }
    }

    private static async Task<bool> ConnectAsync(LighterWebSocketClient client, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await client.ConnectAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void Write(TextWriter writer, Lock writeLock, string line)
    {
        lock (writeLock)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}

/// <summary>Arguments of <c>lighter book</c>.</summary>
internal sealed record BookRequest(short Market, Uri Uri, long? UntilOffset, bool Json)
{
    /// <summary>How long the first connection may take by default.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How long the first connection may take before the command gives up (exit code 3).</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;
}
