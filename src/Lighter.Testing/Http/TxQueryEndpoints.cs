using System.Text.Json;
using Lighter.Testing.Exchange;
using Microsoft.AspNetCore.Routing;

namespace Lighter.Testing.Http;

/// <summary>Transaction lookup: one transaction by hash or sequence index, the chain's and an account's transactions.</summary>
internal static class TxQueryEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SandboxExchange ex)
    {
        RestEndpoints.Get(app, ex, "/api/v1/tx", (c, w) =>
        {
            var by = HttpIo.RequiredString(c, "by");
            var value = HttpIo.RequiredString(c, "value");
            var tx = by switch
            {
                "hash" => ex.FindTx(value),
                "sequence_index" => ex.TxLog.FirstOrDefault(t => t.SequenceIndex == HttpIo.RequiredLong(c, "value")),
                _ => throw ExchangeException.InvalidParam("by"),
            };
            if (tx is null)
            {
                throw new ExchangeException(SandboxErrorCodes.TxNotFound, "transaction not found");
            }

            JsonShapes.WriteTx(w, tx, L1Address(ex, tx), enriched: true);
        });
        RestEndpoints.Get(app, ex, "/api/v1/txs", (c, w) =>
        {
            var from = HttpIo.OptionalLong(c, "index") ?? 0;
            WriteTxs(w, ex, ex.TxLog.Where(t => t.SequenceIndex > from), HttpIo.RequiredLong(c, "limit"));
        });
        RestEndpoints.Get(app, ex, "/api/v1/accountTxs", (c, w) =>
        {
            if (HttpIo.RequiredString(c, "by") != "account_index")
            {
                throw ExchangeException.InvalidParam("by");
            }

            var account = ex.RequireAccount(HttpIo.RequiredLong(c, "value")).Index;
            var before = HttpIo.OptionalLong(c, "index") ?? long.MaxValue;
            var txs = ex.TxLog.Where(t => t.AccountIndex == account && t.SequenceIndex < before).Reverse();
            WriteTxs(w, ex, txs, HttpIo.RequiredLong(c, "limit"));
        });
    }

    private static void WriteTxs(Utf8JsonWriter w, SandboxExchange ex, IEnumerable<TxRecord> txs, long limit)
    {
        w.WriteStartObject();
        JsonShapes.WriteOk(w);
        w.WriteStartArray("txs");
        foreach (var tx in txs.Take((int)Math.Clamp(limit, 0, int.MaxValue)))
        {
            JsonShapes.WriteTx(w, tx, L1Address(ex, tx), enriched: false);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string L1Address(SandboxExchange ex, TxRecord tx) => ex.FindAccount(tx.AccountIndex)?.L1Address ?? "";
}
