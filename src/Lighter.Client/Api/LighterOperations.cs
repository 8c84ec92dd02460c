using System.Collections.Frozen;

namespace Lighter.Client.Api;

/// <summary>
/// Lookup of the generated operation catalog (<see cref="All"/>) from an outgoing request, for the auth handler.
/// Refit stamps every request with its interface and method name (<see cref="Refit.HttpRequestMessageOptions"/>);
/// requests built by hand are matched on verb and path instead.
/// </summary>
public static partial class LighterOperations
{
    private static FrozenDictionary<(Type, string), LighterOperation> ByMethod => Index.ByMethod;

    private static FrozenDictionary<string, LighterOperation> ByRoute => Index.ByRoute;

    /// <summary>Finds the operation behind an outgoing request.</summary>
    /// <param name="request">A request produced by a generated interface (or addressed to a spec route).</param>
    /// <param name="operation">The operation, when found.</param>
    /// <returns>True when the request belongs to a known operation.</returns>
    public static bool TryFind(HttpRequestMessage request, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LighterOperation? operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(new HttpRequestOptionsKey<Type>(Refit.HttpRequestMessageOptions.InterfaceType), out var api)
            && request.Options.TryGetValue(new HttpRequestOptionsKey<string>(Refit.HttpRequestMessageOptions.MethodName), out var method)
            && ByMethod.TryGetValue((api, method), out operation))
        {
            return true;
        }

        return TryFind(request.Method.Method, request.RequestUri, out operation);
    }

    /// <summary>Finds an operation by HTTP verb and URI; a base-address prefix before the route is allowed.</summary>
    /// <param name="httpMethod">The verb, e.g. <c>GET</c>.</param>
    /// <param name="uri">The absolute (or root-relative) request URI.</param>
    /// <param name="operation">The operation, when found.</param>
    /// <returns>True when the path ends with a spec route.</returns>
    public static bool TryFind(string httpMethod, Uri? uri, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LighterOperation? operation)
    {
        ArgumentNullException.ThrowIfNull(httpMethod);
        operation = null;
        if (uri is null)
        {
            return false;
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0];
        var verb = httpMethod.ToUpperInvariant();

        // Try the whole path, then drop leading segments one by one (a base address may carry a prefix).
        for (var start = 0; start >= 0 && start < path.Length; start = path.IndexOf('/', start + 1))
        {
            if (ByRoute.TryGetValue(Key(verb, path[start..]), out operation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the catalog entry of a generated method.</summary>
    /// <param name="api">The generated interface, e.g. <c>typeof(IOrderApi)</c>.</param>
    /// <param name="methodName">The method name, e.g. <c>nameof(IOrderApi.AccountActiveOrdersAsync)</c>.</param>
    /// <returns>The entry, or null when the method is not generated.</returns>
    public static LighterOperation? Find(Type api, string methodName) =>
        ByMethod.GetValueOrDefault((api, methodName));

    private static string Key(string verb, string route) => verb + " " + route;

    /// <summary>Built on first use: field initializers across partial files run in no defined order.</summary>
    private static class Index
    {
        public static readonly FrozenDictionary<(Type, string), LighterOperation> ByMethod =
            All.ToFrozenDictionary(o => (o.Api, o.MethodName));

        public static readonly FrozenDictionary<string, LighterOperation> ByRoute = All
            .GroupBy(o => Key(o.HttpMethod, o.Route), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }
}
