using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lighter.Generator.Diff;

/// <summary>
/// Renders a <see cref="DiffReport"/> as JSON (shape documented in <c>spec/README.md</c>): file names, counts and a
/// flat <c>changes</c> array in report order. Every change object has all nine fields (null when not applicable),
/// enum values are lower-case words.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // The report is a file for tools and people, not HTML: keep →, <, > and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(DiffReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("old", report.OldName);
            w.WriteString("new", report.NewName);
            w.WriteString("overlay", report.OverlayName);
            w.WriteStartObject("summary");
            foreach (var severity in Enum.GetValues<ChangeSeverity>())
            {
                w.WriteNumber(Word(severity), report.Count(severity));
            }

            foreach (var (section, n) in report.Counts.OrderBy(c => c.Key))
            {
                w.WriteStartObject(Word(section));
                w.WriteNumber("before", n.Before);
                w.WriteNumber("after", n.After);
                w.WriteNumber("added", n.Added);
                w.WriteNumber("removed", n.Removed);
                w.WriteNumber("changed", n.Changed);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("changes");
            foreach (var c in report.Changes)
            {
                Change(w, c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Change(Utf8JsonWriter w, ApiChange c)
    {
        w.WriteStartObject();
        w.WriteString("severity", Word(c.Severity));
        w.WriteString("kind", Word(c.Kind));
        w.WriteString("area", Word(c.Area));
        w.WriteString("subject", c.Subject);
        w.WriteString("member", c.Member);
        w.WriteString("wire", c.Wire);
        w.WriteString("aspect", c.Aspect);
        w.WriteString("before", c.Before);
        w.WriteString("after", c.After);
        w.WriteEndObject();
    }

    private static string Word<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
