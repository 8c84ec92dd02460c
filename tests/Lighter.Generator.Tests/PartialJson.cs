using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lighter.Client.Serialization;

namespace Lighter.Generator.Tests;

/// <summary>
/// The generated JSON metadata with required-ness switched off, for converter tests that read one-field fragments
/// (<c>{"price":"3024.66"}</c>). Everything else (names, converters, number handling) is the real context's.
/// </summary>
internal static class PartialJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = LighterJsonContext.Default.WithAddedModifier(static info =>
        {
            foreach (var property in info.Properties)
            {
                property.IsRequired = false;
            }
        }),
    };

    public static JsonTypeInfo<T> For<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
