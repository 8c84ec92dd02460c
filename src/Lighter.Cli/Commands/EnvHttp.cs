using System.Net.Http.Headers;
using System.Text.Json;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary>
/// The REST calls of the exchange-facing commands, and their error handling: an exchange rejection
/// (<c>ResultCode</c>) is exit code 1 with the exchange's code and message, an unreachable exchange is exit code 3.
/// </summary>
internal sealed class EnvHttp(Uri baseUrl) : IDisposable
{
    /// <summary>Exit code when the exchange cannot be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>The exit codes of the exchange-facing commands, for their help text.</summary>
    public const string ExitSemantics =
        "Exit codes: 0 success; 1 the exchange rejected the request (its code and message on stderr) or an input is invalid; " +
        "2 usage error (unknown or missing option); 3 the exchange cannot be reached.";

    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<JsonDocument> GetAsync(string path, string? auth, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (auth is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", auth);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JsonDocument> PostFormAsync(string path, IDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(fields);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await _http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Runs a command body, mapping failures to exit codes with one line on stderr.</summary>
    public static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Client.LighterApiException e) when (e.StatusCode is null && e.Code is null)
        {
            await error.WriteLineAsync($"error: cannot reach the exchange: {e.Message}").ConfigureAwait(false);
            return Unreachable;
        }
        catch (Client.LighterApiException e)
        {
            await error.WriteLineAsync($"error: the exchange rejected the request: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (ExchangeRejectedException e)
        {
            await error.WriteLineAsync($"error: the exchange rejected the request: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or Signing.LighterSigningException or Client.LighterConfigurationException)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"error: cannot reach the exchange: {e.Message}").ConfigureAwait(false);
            return Unreachable;
        }
    }

    /// <summary>A console writing to the command's output (tables for people).</summary>
    public static IAnsiConsole Console(TextWriter output) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonDocument? body = null;
        try
        {
            body = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Not JSON: reported below with the status code.
        }

        var code = body?.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n)
            ? n
            : (int?)null;
        if (response.IsSuccessStatusCode && body is not null && (code is null or 200))
        {
            return body;
        }

        var message = body?.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("message", out var m) ? m.GetString() : text;
        body?.Dispose();
        throw new ExchangeRejectedException($"HTTP {(int)response.StatusCode}, code {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}: {message}");
    }
}

/// <summary>The exchange answered with an error <c>ResultCode</c> (exit code 1).</summary>
internal sealed class ExchangeRejectedException(string message) : Exception(message);
