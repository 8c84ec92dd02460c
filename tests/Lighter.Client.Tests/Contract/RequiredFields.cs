using System.Text.Json;

namespace Lighter.Client.Tests.Contract;

/// <summary>What a caller sees when a response lacks a required field.</summary>
internal static class RequiredFields
{
    /// <summary>The <see cref="JsonException"/> the caller receives (thrown directly by the generated call).</summary>
    public static JsonException JsonExceptionIn(Exception thrown) =>
        thrown as JsonException
        ?? throw new Xunit.Sdk.XunitException($"expected a JsonException, got {thrown.GetType().FullName}: {thrown.Message} (inner: {thrown.InnerException?.GetType().FullName}: {thrown.InnerException?.Message})");
}
