using System.Net;
using Lighter.Signing;
using Lighter.Signing.L1;
using Lighter.Testing.Tests.Wire;
using Lighter.Testing.Transactions;

namespace Lighter.Testing.Tests.Transactions;

/// <summary>ChangePubKey: the new key signs the transaction, the account's Ethereum key signs the L1 message.</summary>
public sealed class ChangePubKeyTests
{
    // The well-known web3 test key of the official L1 vectors (address 0x2c7536E3…65c23).
    private const string EthKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    [Fact]
    public void The_l1_message_and_its_signer_match_the_official_vector()
    {
        var vector = TxPreimageTests.Vector("change_pub_key");
        var l1 = vector.GetProperty("l1");

        var message = L1Check.ChangePubKeyMessage(new byte[] { 4 }.Concat(new byte[39]).ToArray(), nonce: 0, accountIndex: 1, apiKeyIndex: 5);

        Assert.Equal(vector.GetProperty("l1_message_to_sign").GetString(), message);
        Assert.True(L1Check.IsSignedBy(message, l1.GetProperty("l1_sig").GetString(), l1.GetProperty("eth_address").GetString()!));
        Assert.False(L1Check.IsSignedBy(message + " ", l1.GetProperty("l1_sig").GetString(), l1.GetProperty("eth_address").GetString()!));
    }

    [Fact]
    public async Task An_owner_signed_change_registers_the_key_and_a_stranger_signed_one_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync();
        using var owner = new L1Signer(EthKey);
        var account = f.Sandbox.CreateAccount(usdc: 1_000m, l1Address: owner.Address);
        using var newKey = LighterPrivateKey.Generate();
        var strangerKey = new string('1', 64);

        var refused = await f.SendTxAsync(8, TestSigner.ChangePubKey(newKey, account.Index, 4, 0, strangerKey, f.Sandbox.ChainId, f.Clock),
            HttpStatusCode.BadRequest);
        await f.SendTxAsync(8, TestSigner.ChangePubKey(newKey, account.Index, 4, 0, EthKey, f.Sandbox.ChainId, f.Clock));
        var trader = new TestSigner(newKey, account.Index, 4, f.Sandbox.ChainId, f.Clock) { Nonce = 1 };
        await f.SendTxAsync(14, trader.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 50, price: 300_000, isAsk: true));

        Assert.Equal(21504, refused.GetProperty("code").GetInt32());
        var key = (await f.GetAsync($"api/v1/apikeys?account_index={account.Index}&api_key_index=4")).GetProperty("api_keys")[0];
        Assert.Equal((newKey.PublicKey.ToHex(), 2L), (key.GetProperty("public_key").GetString(), key.GetProperty("nonce").GetInt64()));
    }

    [Fact]
    public async Task The_all_zero_neutral_public_key_is_refused_as_an_invalid_key()
    {
        await using var f = await SandboxFixture.StartAsync();
        using var owner = new L1Signer(EthKey);
        var account = f.Sandbox.CreateAccount(usdc: 1_000m, l1Address: owner.Address);
        using var someKey = LighterPrivateKey.Generate();

        var refused = await f.SendTxAsync(8, TestSigner.ChangePubKey(someKey, new byte[40], account.Index, 4, 0, EthKey, f.Sandbox.ChainId, f.Clock),
            HttpStatusCode.BadRequest);

        Assert.Contains("PubKey is not a valid public key", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
