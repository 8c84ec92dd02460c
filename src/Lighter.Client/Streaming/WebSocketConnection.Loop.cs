using System.Buffers;
using System.Net.WebSockets;
using Lighter.Client.Diagnostics;

namespace Lighter.Client.Streaming;

/// <summary>Connection lifecycle: connect, receive, keepalive, reconnect.</summary>
internal sealed partial class WebSocketConnection
{
    private async Task RunAsync()
    {
        var token = _lifetime.Token;
        var attempt = 0;
        var failedReconnects = 0; // failed reconnect attempts since the last socket that reached Connected
        LighterConnectionException? gaveUp = null;
        while (!token.IsCancellationRequested)
        {
            string reason;
            string cause; // the telemetry tag of reason
            Exception? failure = null;
            var reachedConnected = false;
            attempt++;
            try
            {
                SetState(ConnectionState.Connecting, "opening socket", TimeSpan.Zero);
                var receive = await ConnectOnceAsync(token).ConfigureAwait(false);
                _backoff.Reset();
                failedReconnects = 0;
                reachedConnected = true;
                var generation = Interlocked.Increment(ref _socketGeneration);
                await SubscribeAllAsync(generation, token).ConfigureAwait(false);
                SetState(ConnectionState.Connected, "connected and subscribed", TimeSpan.Zero);

                // Subscriptions added while the loop above ran are claimed here or by AddAsync, never by both.
                await SubscribeAllAsync(generation, token).ConfigureAwait(false);
                _connected.TrySetResult();
                await receive.ConfigureAwait(false);
                reason = _abortReason ?? "server closed the connection";
                cause = _abortReason is null ? StreamTelemetry.ReconnectReason.ServerClosed : StreamTelemetry.ReconnectReason.Dead;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Any failure of one socket leads to a reconnect, never to the caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                reason = _abortReason ?? ex.Message;
                cause = !reachedConnected ? StreamTelemetry.ReconnectReason.ConnectFailed
                    : _abortReason is null ? StreamTelemetry.ReconnectReason.Dropped : StreamTelemetry.ReconnectReason.Dead;
                failure = ex;
            }
            finally
            {
                TearDown();
            }

            // Said at once, before any reconnect: what the subscriptions hold is no longer live.
            foreach (var sink in Dispatcher.Sinks)
            {
                sink.Disconnect(reason);
            }

            if (token.IsCancellationRequested)
            {
                break;
            }

            _connected = NewSignal();
            _transactions.FailAll(new LighterConnectionException($"The connection was lost before the response arrived ({reason}); the transaction may or may not have been accepted."));
            if (!reachedConnected && attempt > 1)
            {
                failedReconnects++;
            }

            if (_options.MaxReconnectAttempts is { } cap && failedReconnects >= cap)
            {
                gaveUp = new LighterConnectionException(
                    $"Gave up on {_options.Uri} after {failedReconnects} failed reconnect attempt(s) in a row (MaxReconnectAttempts = {cap}); last failure: {reason}",
                    failure);
                break;
            }

            StreamTelemetry.Reconnecting(_options.Uri, cause);
            var delay = _backoff.Next();
            var wait = Task.Delay(delay, _time, token);
            SetState(ConnectionState.Reconnecting, reason, delay);
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if ((gaveUp ?? _failure) is { } error)
        {
            End(error);
            if (gaveUp is not null)
            {
                _host.OnConnectionFailed(gaveUp);
            }

            return;
        }

        _transactions.FailAll(new ObjectDisposedException(nameof(LighterWebSocketClient)));
        _connected.TrySetException(new ObjectDisposedException(nameof(LighterWebSocketClient)));
        SetState(ConnectionState.Closed, "client disposed", TimeSpan.Zero);
    }

    /// <summary>Ends the connection for good with <paramref name="error"/>: every waiter and stream gets it.</summary>
    private void End(LighterConnectionException error)
    {
        _transactions.FailAll(error);
        _connected.TrySetException(error);
        foreach (var sink in Dispatcher.Sinks)
        {
            sink.Fault(error);
        }

        SetState(ConnectionState.Failed, error.Message, TimeSpan.Zero, error);
    }

    private async Task SubscribeAllAsync(int generation, CancellationToken token)
    {
        foreach (var sink in Dispatcher.Sinks)
        {
            if (sink.TryClaim(generation))
            {
                sink.OnResubscribing();
                await SendSubscriptionAsync(sink, subscribe: true, token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Opens the socket and waits for <c>connected</c>; returns the running receive loop.</summary>
    private async Task<Task> ConnectOnceAsync(CancellationToken token)
    {
        _abortReason = null;
        _welcome = NewSignal();
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // Keepalive is ours, on the TimeProvider.
        foreach (var (name, value) in _options.RequestHeaders)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        _socket = socket;
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
        try
        {
            await socket.ConnectAsync(_options.Uri, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !token.IsCancellationRequested)
        {
            throw new TimeoutException($"Connecting to {_options.Uri} took longer than {_options.ConnectTimeout}.");
        }

        _lastReceived = _time.GetTimestamp();
        var receive = ReceiveLoopAsync(socket);
        _keepAlive = _time.CreateTimer(OnKeepAliveTick, null, _options.KeepAliveInterval, _options.KeepAliveInterval);
        var welcome = await Task.WhenAny(_welcome.Task, receive).WaitAsync(_options.ConnectTimeout, _time, token).ConfigureAwait(false);
        if (welcome == receive)
        {
            await receive.ConfigureAwait(false);
            throw new WebSocketException("The server closed the connection before sending 'connected'.");
        }

        return receive;
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    buffer = Grow(buffer);
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                count += result.Count;
                if (!result.EndOfMessage)
                {
                    continue;
                }

                Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    DispatchSafely(buffer.AsSpan(0, count));
                }

                count = 0;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void DispatchSafely(ReadOnlySpan<byte> frame)
    {
        try
        {
            Dispatcher.Dispatch(frame);
        }
#pragma warning disable CA1031 // A consumer's event handler must not kill the stream.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _host.Report(StreamDiagnosticKind.MalformedFrame, "frame handler failed: " + ex.Message, null, frame);
        }
    }

    private static byte[] Grow(byte[] buffer)
    {
        if (buffer.Length >= MaxFrameBytes)
        {
            throw new WebSocketException($"A frame exceeded {MaxFrameBytes} bytes.");
        }

        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private void OnKeepAliveTick(object? state)
    {
        var silentFor = _time.GetElapsedTime(Volatile.Read(ref _lastReceived));
        if (silentFor >= _options.DeadConnectionTimeout)
        {
            _abortReason = $"no frame for {silentFor.TotalSeconds:0.#} s: connection declared dead";
            _socket?.Abort();
            return;
        }

        _ = SendQuietlyAsync(PingFrame, "ping");
    }

    private void TearDown()
    {
        CancelAuthRefresh();
        _keepAlive?.Dispose();
        _keepAlive = null;
        _socket?.Abort();
        _socket?.Dispose();
        _socket = null;
    }

    private void SetState(ConnectionState state, string reason, TimeSpan retryIn, Exception? error = null)
    {
        ConnectionState previous;
        lock (_stateGate)
        {
            previous = _state;
            _state = state;
        }

        _host.OnStateChanged(new ConnectionStateChangedEventArgs(Id, previous, state, reason, retryIn, error));
    }
}
