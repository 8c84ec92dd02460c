using Lighter.Client.Serialization;
using Refit;

namespace Lighter.Client;

/// <summary>
/// Creation of the generated REST groups; the properties themselves (<c>Account</c>, <c>Order</c>, ...) are
/// generated from the spec's tags into <c>LighterClient.Apis.g.cs</c>.
/// </summary>
public sealed partial class LighterClient
{
    private RefitSettings? _apiSettings;

    private T CreateApi<T>() =>
        RestService.For<T>(Http, LazyInitializer.EnsureInitialized(ref _apiSettings, LighterRefitSettings.Create));
}
