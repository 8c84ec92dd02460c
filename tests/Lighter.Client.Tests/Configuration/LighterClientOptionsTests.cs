using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Lighter.Client.Tests.Configuration;

public class LighterClientOptionsTests
{
    private const string Key = "0x1111111111111111111111111111111111111111111111111111111111111111111111111111111a";

    [Fact]
    public void Well_known_environments_carry_their_chain_ids()
    {
        Assert.Equal(304, LighterEnvironment.Mainnet.ChainId);
        Assert.Equal(300, LighterEnvironment.Testnet.ChainId);
        Assert.Equal(new Uri("https://testnet.zklighter.elliot.ai/"), LighterEnvironment.Testnet.BaseUrl);
        Assert.Same(LighterEnvironment.Testnet, new LighterClientOptions { Environment = "TestNet" }.ResolveEnvironment());
    }

    [Fact]
    public void Custom_environment_requires_urls_and_an_explicit_chain_id()
    {
        var error = Assert.Throws<LighterConfigurationException>(() => new LighterClientOptions { Environment = "custom" }.ResolveEnvironment());
        Assert.Contains("BaseUrl is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("ChainId is required", error.Message, StringComparison.Ordinal);

        var env = new LighterClientOptions
        {
            Environment = "custom",
            BaseUrl = new Uri("http://127.0.0.1:5000"),
            WebSocketUrl = new Uri("ws://127.0.0.1:5000/stream"),
            ChainId = 300,
        }.ResolveEnvironment();
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), env.BaseUrl);
        Assert.Equal(300, env.ChainId);
    }

    [Fact]
    public void A_chain_id_that_contradicts_the_environment_is_rejected_not_overridden()
    {
        var error = Assert.Throws<LighterConfigurationException>(() => new LighterClientOptions { Environment = "mainnet", ChainId = 300 }.ResolveEnvironment());
        Assert.Contains("ChainId 300 does not match environment 'mainnet' (chain 304)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_registered_on_testnet_cannot_sign_for_mainnet()
    {
        var options = new LighterClientOptions { Environment = "mainnet", AccountIndex = 1, ApiKeyIndex = 2, PrivateKey = Key, KeyChainId = 300 };
        var error = Assert.Throws<LighterConfigurationException>(options.ResolveEnvironment);
        Assert.Contains("KeyChainId 300", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_key_and_indices_are_named_and_the_key_is_never_echoed()
    {
        var secret = "0xdeadbeefcafe";
        var options = new LighterClientOptions { PrivateKey = secret, ApiKeyIndex = 255 };
        var error = Assert.Throws<LighterConfigurationException>(options.ResolveEnvironment);
        Assert.Contains("ApiKeyIndex 255 is outside 0..254", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccountIndex is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("PrivateKey must be 80 hex digits", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("deadbeef", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("deadbeef", options.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Options_bind_from_configuration_and_LIGHTER_variables_override_them()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lighter:Environment"] = "testnet",
            ["Lighter:AccountIndex"] = "12",
            ["Lighter:ApiKeyIndex"] = "4",
            ["Lighter:RateLimitTier"] = "Premium",
            ["Lighter:AttemptTimeout"] = "00:00:05",
        }).Build();
        var options = new LighterClientOptions();
        configuration.GetSection(LighterClientOptions.SectionName).Bind(options);
        LighterEnvironmentVariables.Apply(options, new Hashtable
        {
            ["LIGHTER_ACCOUNT_INDEX"] = "99",
            ["LIGHTER_PRIVATE_KEY"] = Key,
            ["LIGHTER_CHAIN_ID"] = "300",
        });

        Assert.Equal(99, options.AccountIndex);
        Assert.Equal(4, options.ApiKeyIndex);
        Assert.Equal(RateLimitTier.Premium, options.RateLimitTier);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Equal(LighterEnvironment.Testnet, options.ResolveEnvironment());
    }

    [Fact]
    public void A_malformed_variable_is_a_clear_error()
    {
        var error = Assert.Throws<LighterConfigurationException>(() =>
            LighterEnvironmentVariables.Apply(new LighterClientOptions(), new Hashtable { ["LIGHTER_API_KEY_INDEX"] = "three" }));
        Assert.Equal("LIGHTER_API_KEY_INDEX 'three' is not a valid integer.", error.Message);
    }
}
