using System.Collections.Generic;
using System.Linq;

namespace MessageGen.Model;

/// <summary>What a template's header takes when it is sent: nothing, a text parameter, or a media or location object.</summary>
internal enum TemplateHeaderKind
{
    None,
    Text,
    Image,
    Video,
    Document,
    Location,
}

/// <summary>
/// A header kind that takes a generated type (<c>VideoMedia</c>, <c>LocationContent</c>), with the JSON <c>type</c> of its
/// send parameter and the builder method that sets it.
/// </summary>
internal static class TemplateHeaders
{
    public static string JsonType(TemplateHeaderKind kind) => kind.ToString().ToLowerInvariant();

    public static string MethodName(TemplateHeaderKind kind) => "WithHeader" + kind;

    /// <summary>The generated type a header of this kind is sent with; null for text (a string).</summary>
    public static string? TypeName(TemplateHeaderKind kind) => kind switch
    {
        TemplateHeaderKind.Image => "ImageMedia",
        TemplateHeaderKind.Video => "VideoMedia",
        TemplateHeaderKind.Document => "DocumentMedia",
        TemplateHeaderKind.Location => "LocationContent",
        _ => null,
    };
}

/// <summary>
/// One shape of body parameters: their names in the template (<c>first_name</c>, or <c>1</c>..<c>n</c> when
/// positional), the C# parameter names of the method that sets them, and that method's name — <c>WithBody</c>, or
/// <c>WithBodyFor{Language}</c> when another shape of the same template already has a <c>WithBody</c> of that arity.
/// </summary>
internal sealed record TemplateBodySpec(string MethodName, bool IsNamed, EquatableArray<string> Names, EquatableArray<string> ParameterNames)
{
    public int Count => Names.Count;
}

/// <summary>
/// What one approved language of a template takes when sent: <see cref="Header"/> (with the parameter name of a named
/// text header), the index into <see cref="TemplateSpec.Bodies"/> of its body parameters (-1: none), and the indexes
/// in the template's <c>buttons</c> of the URL buttons whose URL ends in a parameter.
/// </summary>
internal sealed record TemplateLanguageSpec(string Code, TemplateHeaderKind Header, string? HeaderParameterName, int Body, EquatableArray<int> DynamicButtons)
{
    /// <summary>Whether two languages take the same parameters, so that one set of checks serves both.</summary>
    public bool SameShape(TemplateLanguageSpec other)
        => Header == other.Header && HeaderParameterName == other.HeaderParameterName && Body == other.Body && DynamicButtons.Equals(other.DynamicButtons);

    /// <summary>The index in the sent <c>components</c> of the body (after a header that takes a parameter).</summary>
    public int BodyComponent => Header == TemplateHeaderKind.None ? 0 : 1;

    /// <summary>The index in the sent <c>components</c> of the <paramref name="n"/>-th dynamic button.</summary>
    public int ButtonComponent(int n) => BodyComponent + (Body >= 0 ? 1 : 0) + n;
}

/// <summary>
/// An approved template name and everything generated for it. Its languages may take different parameters: the builder
/// has the union of their methods, and <c>Build()</c> checks what the chosen language takes. <see cref="Bodies"/> and
/// <see cref="DynamicButtons"/> are such unions; a part is <c>Required</c> (for the analyzers)
/// when every language takes it.
/// </summary>
internal sealed record TemplateSpec(
    string Name,
    string TypeName,
    EquatableArray<TemplateLanguageSpec> Languages,
    EquatableArray<TemplateBodySpec> Bodies,
    EquatableArray<int> DynamicButtons)
{
    public string BuilderTypeName => TypeName + "Builder";

    /// <summary>The header kinds that take a parameter in some language: one builder method (and field) each.</summary>
    public IEnumerable<TemplateHeaderKind> HeaderKinds
        => Languages.Select(l => l.Header).Where(h => h != TemplateHeaderKind.None).Distinct().OrderBy(h => h);

    public bool HeaderRequired => Languages.All(l => l.Header != TemplateHeaderKind.None);

    public bool BodyRequired => Languages.All(l => l.Body >= 0);

    public bool ButtonRequired(int index) => Languages.All(l => l.DynamicButtons.Contains(index));

    /// <summary>The languages grouped by the parameters they take, in order: one set of checks per group.</summary>
    public IEnumerable<List<TemplateLanguageSpec>> Shapes
    {
        get
        {
            var groups = new List<List<TemplateLanguageSpec>>();
            foreach (var language in Languages)
            {
                var group = groups.FirstOrDefault(g => g[0].SameShape(language));
                if (group is null)
                {
                    groups.Add(new() { language });
                }
                else
                {
                    group.Add(language);
                }
            }

            return groups;
        }
    }
}

/// <summary>The approved templates of one templates file, free of text positions so a whitespace edit leaves it equal.</summary>
internal sealed record TemplateFileSpec(string FilePath, string Namespace, bool IsPublic, EquatableArray<TemplateSpec> Templates);

/// <summary>Where a template's name is in its file, to report problems found after parsing (a type name clash).</summary>
internal sealed record TemplateNameLocation(string Name, LocationInfo Location);

/// <summary>The parser's result for one templates file: the spec, the diagnostics found, and where each template's name is.</summary>
internal sealed record TemplateParseResult(TemplateFileSpec Spec, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<TemplateNameLocation> NameLocations);

/// <summary>A template to emit, in its file's namespace and accessibility, with the source's hint name.</summary>
internal sealed record PlannedTemplate(TemplateSpec Spec, string Namespace, bool IsPublic, string FileName, string HintName)
{
    public string Accessibility => IsPublic ? "public" : "internal";

    public string Qualified(string typeName) => ClrNames.Qualified(Namespace, typeName);
}

/// <summary>A template that gets no type although approved: why (the descriptor and its message), and where its name is.</summary>
internal sealed record TemplateProblem(string FilePath, string TemplateName, DiagnosticInfo Diagnostic);

/// <summary>The templates of every file that get a type, and the ones that do not because of a clash or a missing type.</summary>
internal sealed record TemplatePlan(EquatableArray<PlannedTemplate> Templates, EquatableArray<TemplateProblem> Problems);

/// <summary>The generated source of one template.</summary>
internal sealed record EmittedTemplate(string HintName, string? Source, DiagnosticInfo? Failure);
