using Lighter.Generator.CSharp;

namespace Lighter.Generator.Tests;

/// <summary>The generated LighterClient property names: the tag's name, unless that would hide a handwritten member.</summary>
public class SdkEmitterTests
{
    [Theory]
    [InlineData("IAccountApi", "Account")]
    [InlineData("ILivePointsApi", "LivePoints")]
    [InlineData("IMarketsApi", "MarketsApi")]
    [InlineData("IHttpApi", "HttpApi")]
    public void A_group_property_is_named_after_its_tag_unless_the_name_is_taken(string interfaceName, string property) =>
        Assert.Equal(property, SdkEmitter.PropertyName(new CsInterface(interfaceName, "t", [])));

    [Fact]
    public void A_new_tag_gets_a_property_and_a_DI_registration()
    {
        var api = new CsInterface("IVaultApi", "vault", []);
        Assert.Contains("public global::Lighter.Client.Api.IVaultApi Vault =>", SdkEmitter.ClientProperties([api]), StringComparison.Ordinal);
        Assert.Contains("AddRefitGeneratedClient<global::Lighter.Client.Api.IVaultApi>(services, ApiSettings).AddLighterPipeline();",
            SdkEmitter.ServiceRegistrations([api]), StringComparison.Ordinal);
    }
}
