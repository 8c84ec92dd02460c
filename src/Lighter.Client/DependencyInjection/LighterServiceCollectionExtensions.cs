using Lighter.Client;
using Lighter.Client.Auth;
using Lighter.Client.Http;
using Lighter.Client.RateLimits;
using Lighter.Client.Serialization;
using Lighter.Client.Trading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Lighter SDK: options (validated at start), the HTTP pipeline on <c>IHttpClientFactory</c>,
/// <see cref="LighterClient"/>, and every generated REST interface (<c>IAccountApi</c>, <c>IOrderApi</c>, ...) on
/// <c>AddRefitGeneratedClient</c> with the same pipeline.
/// </summary>
public static partial class LighterServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the SDK uses.</summary>
    public const string HttpClientName = "Lighter";

    /// <summary>
    /// Adds the SDK with options bound from the <c>Lighter</c> section of <paramref name="configuration"/>, then
    /// overridden by the <c>LIGHTER_*</c> environment variables.
    /// </summary>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddLighterClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddLighterClient(options =>
        {
            configuration.GetSection(LighterClientOptions.SectionName).Bind(options);
            LighterEnvironmentVariables.Apply(options);
        });
    }

    /// <summary>Adds the SDK with options set in code.</summary>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddLighterClient(this IServiceCollection services, Action<LighterClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LighterClientOptions>().Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(Registered)))
        {
            // A second call only adds its configuration: the handlers are on the clients already, and adding them
            // again would run every request through two pipelines (two retry budgets, two rate-limit charges).
            return services.AddHttpClient(HttpClientName);
        }

        services.AddSingleton<Registered>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LighterClientOptions>, LighterClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LighterRateLimiter(Options(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient<TelemetryHandler>();
        services.TryAddTransient<LighterErrorHandler>();
        services.TryAddTransient(sp => new RateLimitingHandler(sp.GetRequiredService<LighterRateLimiter>()));
        services.TryAddSingleton(CreateClient);
        services.TryAddSingleton<ILighterClient>(sp => sp.GetRequiredService<LighterClient>());
        services.TryAddSingleton(sp => sp.GetRequiredService<LighterClient>().Streams);
        AddLighterApis(services);

        return services.AddHttpClient(HttpClientName).AddLighterPipeline();
    }

    /// <summary>
    /// Puts the Lighter handler chain on any HTTP client builder (e.g. one from <c>AddRefitGeneratedClient</c>):
    /// errors → resilience → rate limit → auth token. Sets the base address from the configured environment.
    /// Auth tokens come from the container's <see cref="LighterClient"/> (its signer), for the operations the
    /// spec overlay marks as taking one.
    /// </summary>
    public static IHttpClientBuilder AddLighterPipeline(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureHttpClient((sp, http) =>
        {
            http.BaseAddress = Options(sp).ResolveEnvironment().BaseUrl;
            http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
        });
        builder.AddHttpMessageHandler<TelemetryHandler>();
        builder.AddHttpMessageHandler<LighterErrorHandler>();
        builder.AddResilienceHandler("lighter", (pipeline, context) => LighterResilience.Configure(pipeline, Options(context.ServiceProvider)));
        builder.AddHttpMessageHandler<RateLimitingHandler>();
        builder.Services.TryAddSingleton(sp => new LighterAuthTokenSource(sp));
        builder.AddHttpMessageHandler(sp => new AuthTokenHandler(sp.GetRequiredService<LighterAuthTokenSource>().Current, AuthOperations.Of));
        return builder;
    }

    /// <summary>The container's client, with the managed signer from <see cref="LighterClientOptions.PrivateKey"/> attached (disposed with the client, and so with the container).</summary>
    private static LighterClient CreateClient(IServiceProvider sp)
    {
        var options = Options(sp);
        var time = sp.GetRequiredService<TimeProvider>();
        var client = new LighterClient(options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), time, sp.GetService<ILoggerFactory>());
        try
        {
            client.AttachOwnedSigner(ManagedTransactionSigner.FromOptions(options, time));
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return client;
    }

    /// <summary>The Refit settings of every generated interface (source-generated JSON, wire formats).</summary>
    private static RefitSettings ApiSettings(IServiceProvider services) => LighterRefitSettings.Create();

    /// <summary>Marks a collection the SDK is registered in.</summary>
    private sealed class Registered;

    private static LighterClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<LighterClientOptions>>().Value;
}
