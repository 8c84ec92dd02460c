using Lighter.Client;
using Lighter.Client.Http;
using Lighter.Client.RateLimits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Lighter SDK: options (validated at start), the HTTP pipeline on <c>IHttpClientFactory</c>, and <see cref="LighterClient"/>.</summary>
public static class LighterServiceCollectionExtensions
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LighterClientOptions>, LighterClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LighterRateLimiter(Options(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient<LighterErrorHandler>();
        services.TryAddTransient(sp => new RateLimitingHandler(sp.GetRequiredService<LighterRateLimiter>()));
        services.TryAddSingleton(sp => new LighterClient(
            Options(sp),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));

        return services.AddHttpClient(HttpClientName).AddLighterPipeline();
    }

    /// <summary>
    /// Puts the Lighter handler chain on any HTTP client builder (e.g. one from <c>AddRefitGeneratedClient</c>):
    /// errors → resilience → rate limit. Sets the base address from the configured environment.
    /// </summary>
    public static IHttpClientBuilder AddLighterPipeline(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureHttpClient((sp, http) =>
        {
            http.BaseAddress = Options(sp).ResolveEnvironment().BaseUrl;
            http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
        });
        builder.AddHttpMessageHandler<LighterErrorHandler>();
        builder.AddResilienceHandler("lighter", (pipeline, context) => LighterResilience.Configure(pipeline, Options(context.ServiceProvider)));
        builder.AddHttpMessageHandler<RateLimitingHandler>();
        return builder;
    }

    private static LighterClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<LighterClientOptions>>().Value;
}
