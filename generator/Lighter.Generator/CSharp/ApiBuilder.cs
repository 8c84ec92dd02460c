using Lighter.Generator.OpenApi;

namespace Lighter.Generator.CSharp;

/// <summary>
/// Builds one Refit interface per tag. Parameter order: required (path, query, header, body) first, then optional
/// ones, then the auth token parameters (always optional in C#: the auth handler fills them in), and last the
/// <c>CancellationToken</c>. Optional parameters are nullable and default to null so Refit omits them and the
/// server applies its own default (documented on the parameter).
/// </summary>
internal sealed class ApiBuilder(ApiDocument document, Overlay overlay, TypeMapper types, List<string> warnings)
{
    public List<CsInterface> Build()
    {
        var interfaces = new List<CsInterface>();
        foreach (var group in document.Operations.GroupBy(o => o.Tag))
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var methods = new List<CsMethod>();
            foreach (var op in group)
            {
                var stem = overlay.Operations.GetValueOrDefault(op.OperationId)?.Name ?? Naming.Pascal(op.OperationId);
                foreach (var encoding in Encodings(op))
                {
                    var suffix = encoding == BodyEncoding.Multipart && Encodings(op).Count > 1 ? "Multipart" : string.Empty;
                    methods.Add(BuildMethod(op, Naming.Unique(stem + suffix + "Async", taken), stem, encoding));
                }
            }

            interfaces.Add(new CsInterface(InterfaceName(group.Key), group.Key, methods));
        }

        return interfaces;
    }

    public string InterfaceName(string tag) => "I" + (overlay.Tags.GetValueOrDefault(tag) ?? Naming.Pascal(tag)) + "Api";

    private static List<BodyEncoding> Encodings(ApiOperation op)
    {
        if (op.Body is null)
        {
            return [BodyEncoding.None];
        }

        var list = new List<BodyEncoding>();
        foreach (var contentType in op.Body.ContentTypes)
        {
            var encoding = contentType switch
            {
                "application/x-www-form-urlencoded" => BodyEncoding.UrlEncoded,
                "multipart/form-data" => BodyEncoding.Multipart,
                _ => BodyEncoding.Json,
            };
            if (!list.Contains(encoding))
            {
                list.Add(encoding);
            }
        }

        return list;
    }

    private CsMethod BuildMethod(ApiOperation op, string name, string stem, BodyEncoding encoding)
    {
        var (auth, location) = ResolveAuth(op);
        var taken = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var required = new List<CsParameter>();
        var optional = new List<CsParameter>();
        var authParameters = new List<CsParameter>();
        foreach (var p in op.Parameters.OrderBy(p => p.In switch { "path" => 0, "query" => 1, _ => 2 }))
        {
            var isAuth = IsAuthParameter(p);
            var parameter = BuildParameter(op, p, stem, taken, optionalInCSharp: isAuth || !p.Required);
            (isAuth ? authParameters : parameter.Optional ? optional : required).Add(parameter);
        }

        if (location == AuthLocation.Header && !op.Parameters.Any(p => p.In == "header" && p.Name == overlay.Auth.Header))
        {
            // The overlay says this operation takes a token but the spec forgot the parameter: add it.
            authParameters.Insert(0, new CsParameter(Naming.Camel(overlay.Auth.Header), "string?", overlay.Auth.Header,
                ParameterKind.Header, true, false, "Auth token (added by the overlay)."));
        }

        if (op.Body is not null)
        {
            AddBody(op, encoding, stem, taken, required, optional);
        }

        var authParameter = location switch
        {
            AuthLocation.Header => overlay.Auth.Header,
            AuthLocation.Query => overlay.Auth.Query,
            _ => null,
        };
        var returnType = op.Response is null ? null : types.Map(op.Response, stem + "Response", $"{op.OperationId} response");
        return new CsMethod(name, op, returnType, [.. required, .. optional, .. authParameters], encoding, auth, location,
            authParameter);
    }

    private CsParameter BuildParameter(ApiOperation op, ApiParameter p, string stem, HashSet<string> taken, bool optionalInCSharp)
    {
        var location = $"{op.OperationId}.{p.Name}";
        var type = types.Map(p.Type, stem + Naming.Pascal(p.Name), location, forParameter: true);
        var doc = Naming.XmlDoc(p.Description);
        if (p.Default is not null)
        {
            var coerced = CoerceDefault(p, location);
            doc = $"{doc} Server default when omitted: <c>{Naming.XmlDoc(coerced)}</c>.".Trim();
        }

        if (IsAuthParameter(p))
        {
            doc = $"{doc} Auth token; when null, the client's auth handler supplies one.".Trim();
        }

        var kind = p.In switch
        {
            "path" => ParameterKind.Path,
            "header" => ParameterKind.Header,
            _ => ParameterKind.Query,
        };
        return new CsParameter(Naming.Unique(Naming.Camel(p.Name), taken), optionalInCSharp ? type + "?" : type, p.Name,
            kind, optionalInCSharp, p.Type.Kind == ApiKind.Array && p.Explode, doc);
    }

    private void AddBody(ApiOperation op, BodyEncoding encoding, string stem, HashSet<string> taken,
        List<CsParameter> required, List<CsParameter> optional)
    {
        var body = op.Body!;
        if (encoding != BodyEncoding.Multipart || body.Type.RefName is null)
        {
            var type = types.Map(body.Type, stem + "Request", $"{op.OperationId} body");
            var parameter = new CsParameter(Naming.Unique("request", taken), body.Required ? type : type + "?", "body",
                ParameterKind.Body, !body.Required, false, "The request body.");
            (body.Required ? required : optional).Add(parameter);
            return;
        }

        // Multipart: one form-data part per schema property.
        var schema = document.FindSchema(body.Type.RefName)!;
        foreach (var prop in schema.Properties)
        {
            var type = types.Map(prop.Type, stem + Naming.Pascal(prop.Name), $"{op.OperationId}.{prop.Name}");
            var parameter = new CsParameter(Naming.Unique(Naming.Camel(prop.Name), taken),
                prop.Required ? type : type + "?", prop.Name, ParameterKind.FormField, !prop.Required, false,
                Naming.XmlDoc(prop.Description));
            (prop.Required ? required : optional).Add(parameter);
        }
    }

    private bool IsAuthParameter(ApiParameter p) =>
        (p.In == "header" && p.Name == overlay.Auth.Header) || (p.In == "query" && p.Name == overlay.Auth.Query);

    private (AuthRequirement, AuthLocation) ResolveAuth(ApiOperation op)
    {
        var header = op.Parameters.FirstOrDefault(p => p.In == "header" && p.Name == overlay.Auth.Header);
        var query = op.Parameters.FirstOrDefault(p => p.In == "query" && p.Name == overlay.Auth.Query);
        AuthRequirement requirement;
        if (overlay.Auth.Required.Contains(op.OperationId))
        {
            requirement = AuthRequirement.Required;
        }
        else if (overlay.Auth.Optional.Contains(op.OperationId))
        {
            requirement = AuthRequirement.Optional;
        }
        else if ((header ?? query) is { } declared)
        {
            requirement = declared.Required ? AuthRequirement.Required : AuthRequirement.Optional;
            warnings.Add($"{op.OperationId}: declares auth parameter '{declared.Name}' but the overlay's 'auth' section " +
                         $"does not classify it; assuming {requirement}");
        }
        else
        {
            return (AuthRequirement.None, AuthLocation.None);
        }

        return (requirement, header is null && query is not null ? AuthLocation.Query : AuthLocation.Header);
    }

    private string CoerceDefault(ApiParameter p, string location)
    {
        var text = p.Default!;
        var valid = p.Type.Kind switch
        {
            ApiKind.Integer => long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out _) || ulong.TryParse(text, out _),
            ApiKind.Boolean => text is "true" or "false",
            ApiKind.Number => double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _),
            _ => true,
        };
        if (!valid)
        {
            warnings.Add($"{location}: default '{text}' is not a valid {p.Type.Describe()}");
        }

        return text;
    }
}
