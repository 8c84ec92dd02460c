namespace Lighter.Generator.CSharp;

/// <summary>
/// Prints the two lists the handwritten SDK takes from the spec: one <c>LighterClient</c> property per generated
/// interface, and one DI registration per generated interface. A new tag in the spec so appears in both without
/// a handwritten change.
/// </summary>
internal static class SdkEmitter
{
    /// <summary>Members of the handwritten <c>LighterClient</c>: a tag with one of these names keeps its <c>Api</c> suffix.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "Markets", "Options", "Environment", "Http", "TimeProvider", "LoggerFactory", "Submitter", "Signer", "AuthTokens",
        "Create", "Dispose", "UseSigner", "SubmitAsync", "SubmitBatchAsync", "SignAsync", "LighterClient",
    };

    /// <summary>The <c>LighterClient</c> property name of a generated interface, e.g. <c>IAccountApi</c> → <c>Account</c>.</summary>
    public static string PropertyName(CsInterface api)
    {
        var name = api.Name.StartsWith('I') ? api.Name[1..] : api.Name;
        var bare = name.EndsWith("Api", StringComparison.Ordinal) && name.Length > 3 ? name[..^3] : name;
        return Reserved.Contains(bare) ? name : bare;
    }

    public static string ClientProperties(IReadOnlyList<CsInterface> interfaces)
    {
        var w = new CodeWriter().Line("namespace Lighter.Client;").Line();
        w.Line("/// <summary>The generated REST groups, one property per OpenAPI tag, over the client's pipeline.</summary>");
        w.Open("public sealed partial class LighterClient");
        foreach (var api in Sorted(interfaces))
        {
            var type = $"global::{ApiEmitter.Namespace}.{api.Name}";
            var property = PropertyName(api);
            var field = "_" + char.ToLowerInvariant(property[0]) + property[1..] + "Group";
            w.Line($"private {type}? {field};").Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public {type} {property} => global::System.Threading.LazyInitializer.EnsureInitialized(ref {field}, CreateApi<{type}>);").Line();
        }

        w.Close().Line();
        w.Line("/// <summary>The generated REST groups of <see cref=\"ILighterClient\"/>, one property per OpenAPI tag.</summary>");
        w.Open("public partial interface ILighterClient");
        foreach (var api in Sorted(interfaces))
        {
            var type = $"global::{ApiEmitter.Namespace}.{api.Name}";
            w.Line($"/// <summary>Operations tagged <c>{Naming.XmlDoc(api.Tag)}</c> (<see cref=\"{type}\"/>), sent through the client's pipeline; created on first use.</summary>");
            w.Line($"{type} {PropertyName(api)} {{ get; }}").Line();
        }

        return w.Close().ToString();
    }

    public static string ServiceRegistrations(IReadOnlyList<CsInterface> interfaces)
    {
        var w = new CodeWriter().Line("namespace Microsoft.Extensions.DependencyInjection;").Line();
        w.Line("/// <summary>DI registration of the generated REST interfaces.</summary>");
        w.Open("public static partial class LighterServiceCollectionExtensions");
        w.Line("/// <summary>Registers every generated interface on its own <c>IHttpClientFactory</c> client running the Lighter pipeline.</summary>");
        w.Open("private static void AddLighterApis(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)");
        foreach (var api in Sorted(interfaces))
        {
            w.Line($"global::Refit.HttpClientFactoryExtensions.AddRefitGeneratedClient<global::{ApiEmitter.Namespace}.{api.Name}>(services, ApiSettings).AddLighterPipeline();");
        }

        w.Close();
        return w.Close().ToString();
    }

    private static IEnumerable<CsInterface> Sorted(IReadOnlyList<CsInterface> interfaces) =>
        interfaces.OrderBy(i => i.Name, StringComparer.Ordinal);
}
