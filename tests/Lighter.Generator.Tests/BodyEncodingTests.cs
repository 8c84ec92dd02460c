using Lighter.Client.Api;
using Lighter.Client.Models;

namespace Lighter.Generator.Tests;

/// <summary>Request bodies travel exactly as the spec declares them: url-encoded, multipart or JSON.</summary>
public class BodyEncodingTests
{
    [Fact]
    public async Task SendTx_is_form_urlencoded_with_lowercase_booleans()
    {
        var handler = new CapturingHandler();
        await CapturingHandler.Client<ITransactionApi>(handler).SendTxAsync(
            new ReqSendTx { TxType = 14, TxInfo = """{"Nonce":1}""", PriceProtection = false });

        Assert.Equal("application/x-www-form-urlencoded", handler.Last.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("tx_type=14&tx_info=%7B%22Nonce%22%3A1%7D&price_protection=false", handler.LastBody);
        Assert.Equal((HttpMethod.Post, "/api/v1/sendTx"), (handler.Last.Method, handler.Last.RequestUri!.AbsolutePath));
    }

    [Fact]
    public async Task SendTx_omits_an_unset_optional_field()
    {
        var handler = new CapturingHandler();
        await CapturingHandler.Client<ITransactionApi>(handler).SendTxAsync(new ReqSendTx { TxType = 15, TxInfo = "{}" });
        Assert.Equal("tx_type=15&tx_info=%7B%7D", handler.LastBody);
    }

    [Fact]
    public async Task SendTxBatch_is_form_urlencoded_with_json_encoded_lists()
    {
        var handler = new CapturingHandler();
        await CapturingHandler.Client<ITransactionApi>(handler).SendTxBatchAsync(
            new ReqSendTxBatch { TxTypes = "[14,14]", TxInfos = """["{}","{}"]""" });

        Assert.Equal("application/x-www-form-urlencoded", handler.Last.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("tx_types=%5B14%2C14%5D&tx_infos=%5B%22%7B%7D%22%2C%22%7B%7D%22%5D", handler.LastBody);
    }

    [Fact]
    public async Task SetMakerOnlyApiKeys_offers_both_declared_encodings()
    {
        var handler = new CapturingHandler();
        var api = CapturingHandler.Client<IAccountApi>(handler);

        await api.SetMakerOnlyApiKeysAsync(new ReqSetMakerOnlyApiKeys { AccountIndex = 7, ApiKeyIndexes = "[1,2]" }, "tok");
        Assert.Equal("application/x-www-form-urlencoded", handler.Last.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("account_index=7&api_key_indexes=%5B1%2C2%5D", handler.LastBody);

        await api.SetMakerOnlyApiKeysMultipartAsync(7, "[1,2]", "tok");
        Assert.Equal("multipart/form-data", handler.Last.Content!.Headers.ContentType!.MediaType);
        Assert.Equal([("account_index", "7"), ("api_key_indexes", "[1,2]")], handler.LastParts);
    }

    [Fact]
    public async Task SetAccountMetadata_is_json()
    {
        var handler = new CapturingHandler();
        await CapturingHandler.Client<ITransactionApi>(handler).SetAccountMetadataAsync(new ReqSetAccountMetadata
        {
            MasterAccountIndex = 1, TargetAccountIndex = 2, ApiKeyIndex = 3, Metadata = "{}",
        });

        Assert.Equal("application/json", handler.Last.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("""{"master_account_index":1,"target_account_index":2,"api_key_index":3,"metadata":"{}"}""", handler.LastBody);
    }

    [Fact]
    public async Task Form_enums_and_decimals_use_wire_strings()
    {
        var handler = new CapturingHandler();
        var api = CapturingHandler.Client<IAccountApi>(handler);

        await api.RfqRespondAsync(new ReqRespondToRFQ { RfqId = 9, Status = ReqRespondToRFQStatus.LiquidityProvided });
        Assert.Equal("rfq_id=9&status=liquidity_provided", handler.LastBody);

        await api.RfqCreateAsync(new ReqCreateRFQ { MarketIndex = 1, Direction = 0, BaseAmount = 1.50m });
        Assert.Equal("market_index=1&base_amount=1.50&direction=0", handler.LastBody);
    }

    [Fact]
    public async Task Form_formatting_does_not_depend_on_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var handler = new CapturingHandler();
            await CapturingHandler.Client<IAccountApi>(handler)
                .RfqCreateAsync(new ReqCreateRFQ { MarketIndex = 1, Direction = 1, QuoteAmount = 1234.5m });
            Assert.Equal("market_index=1&quote_amount=1234.5&direction=1", handler.LastBody);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task An_explicit_auth_header_is_sent_and_an_absent_one_is_not()
    {
        var handler = new CapturingHandler();
        var api = CapturingHandler.Client<IOrderApi>(handler);

        await api.AccountActiveOrdersAsync(1, authorization: "token-1");
        Assert.Equal(["token-1"], handler.Last.Headers.GetValues("authorization"));

        await api.AccountActiveOrdersAsync(1);
        Assert.False(handler.Last.Headers.Contains("authorization"));
    }
}
