using System.Buffers.Text;
using System.Text;

namespace Lighter.Benchmarks.Streaming;

/// <summary>
/// Live-shaped <c>order_book</c> frames (4 bid + 4 ask levels, keys in the server's order, <c>nonce</c>/<c>begin_nonce</c>
/// chained as on the exchange) written into a reused buffer, so the server side allocates nothing per frame.
/// </summary>
public sealed class OrderBookFrameSource
{
    private static readonly byte[] UpdateHead = Encoding.UTF8.GetBytes(
        """{"channel":"order_book:0","offset":""");

    private static readonly byte[] UpdateLevels = Encoding.UTF8.GetBytes(
        ""","order_book":{"asks":[{"price":"3024.66","size":"1.2040"},{"price":"3024.71","size":"0.0000"},{"price":"3024.93","size":"12.5000"},{"price":"3025.10","size":"3.3000"}],"begin_nonce":""");

    private static readonly byte[] UpdateBids = Encoding.UTF8.GetBytes(
        ""","bids":[{"price":"3024.51","size":"0.7500"},{"price":"3024.40","size":"0.0000"},{"price":"3024.12","size":"8.0100"},{"price":"3023.95","size":"2.0000"}],"code":0,"nonce":""");

    private static readonly byte[] UpdateOffset = Encoding.UTF8.GetBytes(""","offset":""");
    private static readonly byte[] UpdateTail = Encoding.UTF8.GetBytes("""},"timestamp":1767225600123,"type":"update/order_book"}""");

    private readonly byte[] _buffer = new byte[1024];
    private long _nonce = 100;
    private long _offset = 1;

    /// <summary>The <c>subscribed/order_book</c> snapshot that starts the chain at the current nonce.</summary>
    public byte[] Snapshot() => Encoding.UTF8.GetBytes(
        "{\"channel\":\"order_book:0\",\"offset\":" + _offset + ",\"order_book\":{\"asks\":[{\"price\":\"3024.66\",\"size\":\"1.0000\"},"
        + "{\"price\":\"3024.71\",\"size\":\"2.0000\"},{\"price\":\"3024.93\",\"size\":\"3.0000\"},{\"price\":\"3025.10\",\"size\":\"4.0000\"}],"
        + "\"begin_nonce\":" + _nonce + ",\"bids\":[{\"price\":\"3024.51\",\"size\":\"1.0000\"},{\"price\":\"3024.40\",\"size\":\"2.0000\"},"
        + "{\"price\":\"3024.12\",\"size\":\"3.0000\"},{\"price\":\"3023.95\",\"size\":\"4.0000\"}],\"code\":0,\"nonce\":" + _nonce
        + ",\"offset\":" + _offset + "},\"timestamp\":1767225600000,\"type\":\"subscribed/order_book\"}");

    /// <summary>The next update: its <c>begin_nonce</c> is the previous frame's <c>nonce</c>; nonces jump by 13 as live ones do.</summary>
    public ReadOnlyMemory<byte> Next()
    {
        var begin = _nonce;
        _nonce += 13;
        _offset += 7;
        var span = _buffer.AsSpan();
        var n = Append(span, 0, UpdateHead);
        n += Number(span[n..], _offset);
        n += Append(span, n, UpdateLevels);
        n += Number(span[n..], begin);
        n += Append(span, n, UpdateBids);
        n += Number(span[n..], _nonce);
        n += Append(span, n, UpdateOffset);
        n += Number(span[n..], _offset);
        n += Append(span, n, UpdateTail);
        return _buffer.AsMemory(0, n);
    }

    private static int Append(Span<byte> span, int at, byte[] bytes)
    {
        bytes.CopyTo(span[at..]);
        return bytes.Length;
    }

    private static int Number(Span<byte> span, long value) =>
        Utf8Formatter.TryFormat(value, span, out var written) ? written : throw new InvalidOperationException("frame buffer too small");
}
