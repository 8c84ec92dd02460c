namespace Lighter.Client.Tests.Fuzzing;

/// <summary>Valid frames of each kind the client receives; the mutator starts from these.</summary>
internal static class FuzzSeeds
{
    public const string BookUpdate =
        """{"channel":"order_book:0","offset":41,"order_book":{"asks":[{"price":"3025.01","size":"0"},{"price":"3025.20","size":"1.5000"}],"begin_nonce":1000,"bids":[{"price":"3024.66","size":"0.5000"}],"code":0,"nonce":1017,"offset":41},"timestamp":1767225600041,"type":"update/order_book"}""";

    public const string BookSnapshot =
        """{"channel":"order_book:0","offset":40,"order_book":{"asks":[{"price":"3025.01","size":"2"}],"begin_nonce":1000,"bids":[{"price":"3024.66","size":"1"},{"price":"3024.10","size":"7.25"}],"code":0,"nonce":1000,"offset":40},"timestamp":1767225600040,"type":"subscribed/order_book"}""";

    public const string Trade =
        """{"channel":"trade:0","trades":[{"trade_id":9,"tx_hash":"0xabc","type":"trade","market_id":0,"size":"0.25","price":"3024.66","usd_amount":"756.16","ask_id":3,"bid_id":4,"ask_account_id":7,"bid_account_id":8,"is_maker_ask":true,"block_height":12,"timestamp":1767225600}],"type":"update/trade"}""";

    public const string Height = """{"channel":"height","height":123456,"type":"update/height"}""";

    public const string AccountAll =
        """{"account_id":7,"channel":"account_all:7","funding_histories":[{"change":"-0.012300","discount":"0","funding_id":9,"market_id":1,"position_side":"long","position_size":"2.5","rate":"0.0001","timestamp":1767225600}],"orders":[{"order_index":3,"price":"3024.66","status":"open"}],"type":"update/account_all"}""";

    public const string TxReply = """{"code":200,"id":"1","message":"ok","tx_hash":"0xfeed","type":"jsonapi/sendtx"}""";

    public const string TxBatchReply = """{"data":{"code":200,"id":"2","tx_hashes":["0x01","0x02"]},"type":"jsonapi/sendtxbatch"}""";

    public const string TxError = """{"code":21104,"error":{"code":21104,"message":"invalid nonce"},"id":"3","type":"jsonapi/sendtx"}""";

    public const string ServerError = """{"code":30003,"message":"Failed to subscribe: market 999 not found","type":"error"}""";

    public static readonly string[] Control =
    [
        """{"session_id":"x","type":"connected"}""", """{"type":"ping"}""", """{"type":"pong"}""", ServerError,
        """{"channel":"order_book:0","type":"unsubscribed/order_book"}""",
    ];
}
