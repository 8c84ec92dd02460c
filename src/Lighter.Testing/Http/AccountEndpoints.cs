using System.Text.Json;
using Lighter.Testing.Exchange;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lighter.Testing.Http;

/// <summary>Accounts, sub-accounts, API keys and nonces.</summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SandboxExchange ex)
    {
        RestEndpoints.Get(app, ex, "/api/v1/account", (c, w) =>
        {
            var by = HttpIo.RequiredString(c, "by");
            var value = HttpIo.RequiredString(c, "value");
            var accounts = by switch
            {
                "index" => [ex.RequireAccount(HttpIo.RequiredLong(c, "value"))],
                "l1_address" => ex.AccountsOf(value).Where(a => a.MasterIndex is null).ToList(),
                _ => throw ExchangeException.InvalidParam("by"),
            };
            if (accounts.Count == 0)
            {
                throw new ExchangeException(SandboxErrorCodes.AccountNotFound, "account not found");
            }

            w.WriteStartObject();
            JsonShapes.WriteOk(w);
            w.WriteNumber("total", accounts.Count);
            w.WriteStartArray("accounts");
            foreach (var account in accounts)
            {
                JsonShapes.WriteDetailedAccount(w, ex, account);
            }

            w.WriteEndArray();
            w.WriteString("next_cursor", "");
            w.WriteEndObject();
        });
        RestEndpoints.Get(app, ex, "/api/v1/accountsByL1Address", (c, w) =>
        {
            var address = HttpIo.RequiredString(c, "l1_address");
            var accounts = ex.AccountsOf(address).ToList();
            if (accounts.Count == 0)
            {
                throw new ExchangeException(SandboxErrorCodes.AccountNotFound, "account not found");
            }

            w.WriteStartObject();
            JsonShapes.WriteOk(w);
            w.WriteString("l1_address", accounts[0].L1Address);
            w.WriteStartArray("sub_accounts");
            foreach (var account in accounts)
            {
                JsonShapes.WriteAccount(w, ex, account);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        RestEndpoints.Get(app, ex, "/api/v1/apikeys", (c, w) => WriteApiKeys(c, w, ex));
        RestEndpoints.Get(app, ex, "/api/v1/nextNonce", (c, w) =>
        {
            var nonce = ex.NextNonce(HttpIo.RequiredLong(c, "account_index"), (int)HttpIo.RequiredLong(c, "api_key_index"));
            w.WriteStartObject();
            JsonShapes.WriteOk(w);
            w.WriteNumber("nonce", nonce);
            w.WriteEndObject();
        });
    }

    private static void WriteApiKeys(HttpContext c, Utf8JsonWriter w, SandboxExchange ex)
    {
        var account = ex.RequireAccount(HttpIo.RequiredLong(c, "account_index"));
        var index = HttpIo.OptionalLong(c, "api_key_index") ?? 255;
        var keys = account.ApiKeys.Where(k => index == 255 || k.Key == index).OrderBy(k => k.Key).ToList();
        if (index != 255 && keys.Count == 0)
        {
            throw new ExchangeException(SandboxErrorCodes.ApiKeyNotFound, "api key not found");
        }

        w.WriteStartObject();
        JsonShapes.WriteOk(w);
        w.WriteStartArray("api_keys");
        foreach (var (keyIndex, key) in keys)
        {
            JsonShapes.WriteApiKey(w, account.Index, keyIndex, key);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
