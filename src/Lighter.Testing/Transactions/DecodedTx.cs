using System.Text.Json;

namespace Lighter.Testing.Transactions;

/// <summary>A signed transaction as the sandbox reads it from its tx_info JSON.</summary>
internal sealed class DecodedTx
{
    private readonly Dictionary<string, long> _fields;

    private DecodedTx(int txType, string txInfo, Dictionary<string, long> fields, byte[] pubKey, byte[] signature,
        SortedDictionary<int, long> attributes, string? l1Signature)
    {
        L1Signature = l1Signature;
        TxType = txType;
        TxInfo = txInfo;
        _fields = fields;
        PubKey = pubKey;
        Signature = signature;
        Attributes = attributes;
    }

    /// <summary>The transaction type number.</summary>
    public int TxType { get; }

    /// <summary>The tx_info JSON exactly as received.</summary>
    public string TxInfo { get; }

    /// <summary>The 80-byte Schnorr signature (<c>s ‖ e</c>).</summary>
    public byte[] Signature { get; }

    /// <summary>The new public key of a ChangePubKey transaction (empty otherwise).</summary>
    public byte[] PubKey { get; }

    /// <summary>The <c>L1Sig</c> field (ChangePubKey, Transfer, ApproveIntegrator), or null.</summary>
    public string? L1Signature { get; }

    /// <summary>The attributes with a non-nil value, by attribute type.</summary>
    public SortedDictionary<int, long> Attributes { get; }

    /// <summary>The signing account.</summary>
    public long AccountIndex => this[TxLayout.AccountField(TxType)];

    /// <summary>The API key index that signed.</summary>
    public int ApiKeyIndex => (int)this["ApiKeyIndex"];

    /// <summary>The nonce.</summary>
    public long Nonce => this["Nonce"];

    /// <summary>The expiry of the transaction itself, in Unix milliseconds.</summary>
    public long ExpiredAt => this["ExpiredAt"];

    /// <summary>Whether the SkipTxNonce attribute is set (the transaction does not consume a nonce).</summary>
    public bool SkipsNonce => Attributes.ContainsKey(4);

    /// <summary>A numeric tx_info field.</summary>
    public long this[string name] =>
        _fields.TryGetValue(name, out var value) ? value : throw ExchangeException.InvalidTxInfo($"missing {name}");

    /// <summary>Reads tx_info; any shape problem is an <see cref="ExchangeException"/> with code 21501.</summary>
    public static DecodedTx Parse(int txType, string txInfo)
    {
        if (!TxLayout.IsKnown(txType))
        {
            throw new ExchangeException(SandboxErrorCodes.UnsupportedTxType, "unsupported tx type");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(txInfo);
        }
        catch (JsonException)
        {
            throw ExchangeException.InvalidTxInfo("tx_info is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ExchangeException.InvalidTxInfo("tx_info is not a JSON object");
            }

            var fields = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number)
                {
                    fields[property.Name] = ReadInteger(property);
                }
            }

            var signature = ReadBase64(root, "Sig", 80);
            var pubKey = txType == TxTypes.ChangePubKey ? ReadBase64(root, "PubKey", 40) : [];
            var attributes = ReadAttributes(root);
            var l1Signature = root.TryGetProperty("L1Sig", out var l1) && l1.ValueKind == JsonValueKind.String ? l1.GetString() : null;
            var tx = new DecodedTx(txType, txInfo, fields, pubKey, signature, attributes, l1Signature);
            foreach (var field in TxLayout.FieldsOf(txType).Where(f => !f.PubKey))
            {
                _ = tx[field.Name];
            }

            _ = tx.Nonce;
            _ = tx.ExpiredAt;
            return tx;
        }
    }

    /// <summary>The field elements of the transaction body for <paramref name="chainId"/> (the core pre-image).</summary>
    public ulong[] CorePreimage(uint chainId)
    {
        var elements = new List<ulong>(16) { chainId, (ulong)TxType, (ulong)Nonce, (ulong)ExpiredAt };
        foreach (var field in TxLayout.FieldsOf(TxType))
        {
            if (field.PubKey)
            {
                for (var limb = 0; limb < 5; limb++)
                {
                    elements.Add(BitConverter.ToUInt64(PubKey, limb * 8));
                }
            }
            else if (field.Split)
            {
                var value = this[field.Name];
                elements.Add((ulong)(value & 0xFFFFFFFF));
                elements.Add((ulong)(value >> 32));
            }
            else
            {
                elements.Add((ulong)this[field.Name]);
            }
        }

        return elements.Select(Canonical).ToArray();
    }

    /// <summary>The attribute pre-image (type/value pairs padded to four pairs), or null when no attribute is set.</summary>
    public ulong[]? AttributePreimage()
    {
        if (Attributes.Count == 0)
        {
            return null;
        }

        var elements = new ulong[8];
        var i = 0;
        foreach (var (type, value) in Attributes)
        {
            elements[i++] = (ulong)type;
            elements[i++] = (ulong)value;
        }

        return elements;
    }

    /// <summary>
    /// A Go integer as a Goldilocks element: its two's-complement bits read as u64, reduced once mod p
    /// (so −1 becomes 2^32 − 2, not p − 1; signing notes §1).
    /// </summary>
    private static ulong Canonical(ulong value) => value >= GoldilocksModulus ? value - GoldilocksModulus : value;

    private const ulong GoldilocksModulus = 0xFFFFFFFF00000001;

    private static long ReadInteger(JsonProperty property)
    {
        if (property.Value.TryGetInt64(out var value))
        {
            return value;
        }

        // Withdraw.Amount is a uint64 on the wire; anything else that does not fit is malformed.
        return property.Value.TryGetUInt64(out var unsigned) && unsigned <= long.MaxValue
            ? (long)unsigned
            : throw ExchangeException.InvalidTxInfo($"{property.Name} is not a 64-bit integer");
    }

    private static byte[] ReadBase64(JsonElement root, string name, int length)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            throw ExchangeException.InvalidTxInfo($"missing {name}");
        }

        if (!element.TryGetBytesFromBase64(out var bytes) || bytes.Length != length)
        {
            throw ExchangeException.InvalidTxInfo($"{name} must be {length} bytes of base64");
        }

        return bytes;
    }

    private static SortedDictionary<int, long> ReadAttributes(JsonElement root)
    {
        var attributes = new SortedDictionary<int, long>();
        if (!root.TryGetProperty("L2TxAttributes", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return attributes;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ExchangeException.InvalidTxInfo("L2TxAttributes must be an object or null");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!int.TryParse(property.Name, out var type) || type is < 1 or > 7 || !property.Value.TryGetInt64(out var value))
            {
                throw ExchangeException.InvalidTxInfo($"invalid attribute {property.Name}");
            }

            // Only non-nil values are hashed; CancelAllMarketIndex (5) uses 255 as its nil value.
            var nil = type == 5 ? 255 : 0;
            if (value != nil)
            {
                attributes[type] = value;
            }
        }

        return attributes.Count <= 4 ? attributes : throw ExchangeException.InvalidTxInfo("more than 4 attributes");
    }
}
