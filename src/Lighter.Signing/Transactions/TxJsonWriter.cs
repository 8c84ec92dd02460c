using System.Globalization;

namespace Lighter.Signing.Transactions;

/// <summary>
/// A tiny JSON writer over a caller-provided char buffer that reproduces Go <c>encoding/json</c> output for the
/// transaction structs: no whitespace, integers as exact decimals, byte slices as standard base64. Only ASCII
/// property names and pre-validated ASCII strings are written, so no escaping is ever needed.
/// </summary>
internal ref struct TxJsonWriter
{
    private readonly Span<char> _buffer;
    private int _position;
    private bool _needsComma;

    public TxJsonWriter(Span<char> buffer)
    {
        _buffer = buffer;
        _position = 0;
        _needsComma = false;
    }

    public readonly ReadOnlySpan<char> Written => _buffer[.._position];

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Name(string name)
    {
        Separate();
        Append('"');
        Append(name);
        Append('"');
        Append(':');
        _needsComma = false;
    }

    public void Value(long value)
    {
        Separate();
        if (!value.TryFormat(_buffer[_position..], out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The tx_info buffer is too small.");
        }

        _position += written;
        _needsComma = true;
    }

    public void Value(ulong value)
    {
        Separate();
        if (!value.TryFormat(_buffer[_position..], out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The tx_info buffer is too small.");
        }

        _position += written;
        _needsComma = true;
    }

    public void Value(bool value) => Value(value ? 1L : 0L);

    /// <summary>Writes an ASCII string that needs no escaping (hex, validated signatures).</summary>
    public void AsciiString(string value)
    {
        Separate();
        Append('"');
        Append(value);
        Append('"');
        _needsComma = true;
    }

    /// <summary>Writes a Go <c>[]byte</c>: standard base64, or <c>null</c> when empty (a nil slice).</summary>
    public void Base64(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            Null();
            return;
        }

        Separate();
        Append('"');
        Convert.TryToBase64Chars(bytes, _buffer[_position..], out var written);
        _position += written;
        Append('"');
        _needsComma = true;
    }

    public void Null()
    {
        Separate();
        Append("null");
        _needsComma = true;
    }

    public void Property(string name, long value)
    {
        Name(name);
        Value(value);
    }

    public void Property(string name, ulong value)
    {
        Name(name);
        Value(value);
    }

    public void Property(string name, bool value)
    {
        Name(name);
        Value(value);
    }

    private void Open(char bracket)
    {
        Separate();
        Append(bracket);
        _needsComma = false;
    }

    private void Close(char bracket)
    {
        Append(bracket);
        _needsComma = true;
    }

    private void Separate()
    {
        if (_needsComma)
        {
            Append(',');
        }
    }

    private void Append(char c) => _buffer[_position++] = c;

    private void Append(string s)
    {
        s.CopyTo(_buffer[_position..]);
        _position += s.Length;
    }
}
