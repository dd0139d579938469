using BzPeer.Content;
using BzPeer.Diagnostics;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using YamlDotNet.RepresentationModel;

namespace BzPeer.Schemas;

/// <summary>One schema violation, located in the YAML source.</summary>
public sealed record SchemaProblem(SourceLocation At, string Message);

/// <summary>
/// Validates YAML (front matter, site.yml) and JSON (graph files) against the shipped schemas. The loaders stay
/// the authority on content — their messages are more precise — so this is a second line of defence.
/// </summary>
public static class SchemaValidator
{
    /// <summary>Every violation of <paramref name="schemaName"/> by the YAML mapping, at its YAML position.</summary>
    public static IReadOnlyList<SchemaProblem> ValidateYaml(string schemaName, YamlNode root, string path, int lineOffset)
    {
        var json = YamlJson.From(root);
        var errors = SchemaSet.Get(schemaName).Validate(json.Root);
        var problems = new List<SchemaProblem>();
        foreach (var error in Flatten(errors))
        {
            // The loader reads every scalar as text, so 'name: 42' is a fine string to it.
            if (error.Kind == ValidationErrorKind.StringExpected && error.Token is JValue { Type: not JTokenType.Null })
            {
                continue;
            }

            problems.Add(new SchemaProblem(SourceLocation.FromYamlMark(path, json.MarkOf(error.Token), lineOffset), Describe(error)));
        }

        return Sorted(problems);
    }

    /// <summary>Every violation of <paramref name="schemaName"/> by a JSON text (e.g. a graph file), with its JSON line.</summary>
    public static IReadOnlyList<SchemaProblem> ValidateJson(string schemaName, string json, string path)
    {
        JToken token;
        try
        {
            token = JToken.Parse(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (Newtonsoft.Json.JsonReaderException e)
        {
            return [new SchemaProblem(new SourceLocation(path, e.LineNumber, e.LinePosition), $"Not valid JSON: {e.Message}")];
        }

        var problems = Flatten(SchemaSet.Get(schemaName).Validate(token))
            .Select(e => new SchemaProblem(new SourceLocation(path, e.HasLineInfo ? e.LineNumber : 0, e.HasLineInfo ? e.LinePosition : 0), Describe(e)))
            .ToList();
        return Sorted(problems);
    }

    /// <summary>
    /// The checks of <c>bzpeer check</c>: site.yml and every content file's front matter, skipping files the
    /// loaders already reported on (their diagnostics are better), reporting the rest as warnings. Returns how many.
    /// </summary>
    public static int CheckSite(string siteDirectory, LoadedContent content, DiagnosticBag diagnostics)
    {
        var reported = diagnostics.Sorted().Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);
        var found = new System.Collections.Concurrent.ConcurrentBag<SchemaProblem>();
        var sitePath = Path.Combine(siteDirectory, Configuration.SiteConfigLoader.FileName);
        if (!reported.Contains(Configuration.SiteConfigLoader.FileName) && File.Exists(sitePath))
        {
            var document = new SourceDocument(Configuration.SiteConfigLoader.FileName, sitePath, File.ReadAllText(sitePath).Replace("\r\n", "\n"));
            foreach (var problem in ValidateDocument(SchemaSet.Site, document))
            {
                found.Add(problem);
            }
        }

        Parallel.ForEach(content.Documents.Values, document =>
        {
            if (SchemaSet.ForContentPath(document.Path) is { } schema && !reported.Contains(document.Path))
            {
                foreach (var problem in ValidateDocument(schema, document))
                {
                    found.Add(problem);
                }
            }
        });

        var problems = Sorted(found.ToList());
        foreach (var problem in problems)
        {
            diagnostics.Warning(DiagnosticCodes.SchemaViolation, problem.At, problem.Message,
                $"See {SchemaNameFor(problem.At.Path)} in the schemas/ folder shipped with BzPeer.");
        }

        return problems.Count;
    }

    /// <summary>Validates one file's YAML (front matter for .md); nothing when it does not parse (the loader says why).</summary>
    internal static IReadOnlyList<SchemaProblem> ValidateDocument(string schemaName, SourceDocument document)
    {
        var quiet = new DiagnosticBag();
        var frontMatter = FrontMatter.Split(document, quiet);
        if (frontMatter is null)
        {
            return [];
        }

        var map = YamlParser.ParseMapping(frontMatter.Yaml, document.Path, frontMatter.YamlLineOffset, quiet);
        return map is null ? [] : ValidateYaml(schemaName, map, document.Path, frontMatter.YamlLineOffset);
    }

    private static string SchemaNameFor(string path) =>
        (SchemaSet.ForContentPath(path) ?? SchemaSet.Site) + ".schema.json";

    /// <summary>
    /// An error under additionalProperties or a list item wraps the real reasons: report those. anyOf/oneOf errors
    /// stay whole — which branch was meant is a guess, so they name the allowed forms instead.
    /// </summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && error.Kind is ValidationErrorKind.AdditionalPropertiesNotValid
                    or ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalItemNotValid)
            {
                foreach (var inner in Flatten(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Describe(ValidationError error)
    {
        var where = Where(error);
        var schemaText = error.Schema?.Description is { Length: > 0 } d ? $" ({d})" : "";
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"Missing required key '{Join(where, error.Property)}'.",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"Unknown key '{where}'.",
            ValidationErrorKind.StringExpected => $"'{where}' must be text.",
            ValidationErrorKind.IntegerExpected => $"'{where}' must be a whole number.",
            ValidationErrorKind.NumberExpected => $"'{where}' must be a number.",
            ValidationErrorKind.BooleanExpected => $"'{where}' must be true or false.",
            ValidationErrorKind.ArrayExpected => $"'{where}' must be a list.",
            ValidationErrorKind.ObjectExpected => $"'{where}' must be a map of 'key: value' entries.",
            ValidationErrorKind.NotInEnumeration => $"'{where}' has a value that is not allowed{EnumText(error.Schema)}.",
            ValidationErrorKind.PatternMismatch => $"'{where}' has the wrong form{schemaText}.",
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig => $"'{where}' is out of range{RangeText(error.Schema)}.",
            ValidationErrorKind.StringTooShort => $"'{where}' must not be empty.",
            ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf => $"'{where}' does not match any allowed form{schemaText}.",
            ValidationErrorKind.TooFewItems or ValidationErrorKind.TooManyItems or ValidationErrorKind.TooManyItemsInTuple => $"'{where}' has the wrong number of items{schemaText}.",
            _ => $"'{where}' is not valid: {error.Kind}{schemaText}.",
        };
    }

    /// <summary>"authors[0].name" from NJsonSchema's "#/authors[0].name"; "(top level)" for the root.</summary>
    private static string Where(ValidationError error)
    {
        var path = error.Path ?? "";
        path = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        return path.Length == 0 ? "(top level)" : path;
    }

    private static string Join(string where, string? property) =>
        where == "(top level)" || where.Length == 0 ? property ?? "" : where.EndsWith(property ?? "", StringComparison.Ordinal) ? where : $"{where}.{property}";

    private static string EnumText(JsonSchema? schema) =>
        schema?.Enumeration is { Count: > 0 } values ? $"; use one of: {string.Join(", ", values)}" : "";

    private static string RangeText(JsonSchema? schema) =>
        schema is null ? "" : $" ({schema.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"} to {schema.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"})";

    private static IReadOnlyList<SchemaProblem> Sorted(List<SchemaProblem> problems) =>
        problems.OrderBy(p => p.At.Path, StringComparer.Ordinal).ThenBy(p => p.At.Line).ThenBy(p => p.At.Column)
            .ThenBy(p => p.Message, StringComparer.Ordinal).ToList();
}
