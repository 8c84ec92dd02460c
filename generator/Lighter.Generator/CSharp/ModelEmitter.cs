namespace Lighter.Generator.CSharp;

/// <summary>Prints model classes and wire enums (with their converters) into <c>Lighter.Client.Models</c>.</summary>
internal static class ModelEmitter
{
    public const string Namespace = "Lighter.Client.Models";
    private const string Stj = "global::System.Text.Json.Serialization";

    public static string Class(CsClass model)
    {
        var w = new CodeWriter().Line($"namespace {Namespace};").Line();
        w.Summary(Naming.XmlDoc(model.Schema.Description), $"The <c>{Naming.XmlDoc(model.Schema.Name)}</c> schema.");
        if (!model.IsFormBody)
        {
            // Lenient read: the spec gives string examples for 301 numeric fields, so accept "12" as well as 12.
            w.Line($"[{Stj}.JsonNumberHandling({Stj}.JsonNumberHandling.AllowReadingFromString)]");
        }

        w.Open($"public sealed partial class {model.Name}");
        var first = true;
        foreach (var p in model.Properties)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Summary(p.Doc, $"Wire field <c>{Naming.XmlDoc(p.WireName)}</c>.");
            w.Line($"[{Stj}.JsonPropertyName({Naming.Literal(p.WireName)})]");
            if (p.Converter is not null)
            {
                w.Line($"[{Stj}.JsonConverter(typeof({p.Converter}))]");
            }

            if (!p.Required)
            {
                w.Line($"[{Stj}.JsonIgnore(Condition = {Stj}.JsonIgnoreCondition.WhenWritingNull)]");
            }
            else if (!model.IsRequestOnly && !model.IsFormBody)
            {
                // Required means required: a response without it fails to read (JsonException naming type and
                // property) instead of silently holding 0, "" or an empty list.
                w.Line($"[{Stj}.JsonRequired]");
            }

            var modifier = p.Required && model.IsRequestOnly ? "required " : string.Empty;
            var init = p.Initializer is null ? string.Empty : $" = {p.Initializer};";
            w.Line($"public {modifier}{p.Type} {p.Name} {{ get; set; }}{init}");
        }

        if (!model.IsFormBody)
        {
            // Form bodies are never JSON, and Refit would try to post a dictionary property as form fields.
            w.Line();
            w.Line("/// <summary>Fields the server sent that this SDK version does not know, kept so nothing is lost.</summary>");
            w.Line($"[{Stj}.JsonExtensionData]");
            w.Line($"public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? {ModelBuilder.ExtensionDataName} {{ get; set; }}");
        }

        return w.Close().ToString();
    }

    public static string Enum(CsEnum model)
    {
        var w = new CodeWriter().Line($"namespace {Namespace};").Line();
        w.Summary($"Wire values of <c>{Naming.XmlDoc(model.Origin)}</c>; unknown values read as <see cref=\"Unrecognized\"/>.", "");
        w.Line($"[{Stj}.JsonConverter(typeof({model.Name}Converter))]");
        w.Open($"public enum {model.Name}");
        w.Line("/// <summary>A value this SDK version does not know (the server added it later). It cannot be sent.</summary>");
        w.Line("Unrecognized = 0,");
        foreach (var m in model.Members)
        {
            w.Line();
            w.Line($"/// <summary>Wire value <c>{Naming.XmlDoc(m.Wire)}</c>.</summary>");
            w.Line($"{m.Name},");
        }

        w.Close().Line();
        w.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/> as its exact wire string.</summary>");
        w.Open($"internal sealed class {model.Name}Converter : global::Lighter.Client.Serialization.WireEnumConverter<{model.Name}>");
        w.Line($"/// <summary>The wire strings of <see cref=\"{model.Name}\"/>, indexed by member value.</summary>");
        var values = string.Join(", ", model.Members.Select(m => Naming.Literal(m.Wire)));
        w.Line($"public static global::Lighter.Client.Serialization.WireEnumTable<{model.Name}> Table {{ get; }} = new({values});");
        w.Line();
        w.Line("/// <summary>Creates the converter.</summary>");
        w.Line($"public {model.Name}Converter()");
        w.Line("    : base(Table)");
        w.Line("{");
        w.Line("}");
        return w.Close().ToString();
    }

    /// <summary><c>ToWireValue()</c> for every enum, plus the type switch the Refit formatters use.</summary>
    public static string WireValues(IReadOnlyList<CsEnum> enums)
    {
        var w = new CodeWriter().Line($"namespace {Namespace};").Line();
        w.Line("/// <summary>The exact wire strings of the generated enums.</summary>");
        w.Open("public static partial class WireValues");
        foreach (var e in enums)
        {
            w.Line($"/// <summary>The wire string of <paramref name=\"value\"/>; throws for <see cref=\"{e.Name}.Unrecognized\"/>.</summary>");
            w.Line("/// <param name=\"value\">The value to format.</param>");
            w.Line("/// <returns>The exact string the server uses.</returns>");
            w.Line($"public static string ToWireValue(this {e.Name} value) => {e.Name}Converter.Table.ToWire(value);");
            w.Line();
        }

        w.Line("/// <summary>Formats any generated enum as its wire string.</summary>");
        w.Line("/// <param name=\"value\">A boxed enum value.</param>");
        w.Line("/// <param name=\"wire\">The wire string when <paramref name=\"value\"/> is a generated enum.</param>");
        w.Line("/// <returns>False when <paramref name=\"value\"/> is not a generated enum.</returns>");
        w.Open("public static bool TryFormat(global::System.Enum value, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? wire)");
        w.Open("wire = value switch");
        foreach (var e in enums)
        {
            w.Line($"{e.Name} v => {e.Name}Converter.Table.ToWire(v),");
        }

        w.Line("_ => null,");
        w.Close(";");
        w.Line("return wire is not null;");
        w.Close();
        return w.Close().ToString();
    }

    public static string JsonContext(IEnumerable<CsClass> classes)
    {
        var w = new CodeWriter().Line("namespace Lighter.Client.Serialization;").Line();
        w.Line("/// <summary>System.Text.Json source-generated metadata for every model (fast, reflection-free, AOT-safe).</summary>");
        foreach (var c in classes)
        {
            w.Line($"[{Stj}.JsonSerializable(typeof(global::{Namespace}.{c.Name}))]");
        }

        w.Open($"internal partial class LighterJsonContext : {Stj}.JsonSerializerContext");
        return w.Close().ToString();
    }
}
