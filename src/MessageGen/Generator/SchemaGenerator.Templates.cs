using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using MessageGen.Diagnostics;
using MessageGen.Generator.Emitter;
using MessageGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Generator;

/// <summary>
/// The templates pipeline: every AdditionalFile named <c>*templates.json</c> becomes one type per approved template
/// name. It reads from the schemas' pipeline only the names of the types they generate (to find <c>VideoMedia</c> and
/// friends, and to avoid clashes), so a schema edit that keeps those names re-runs no template step.
/// </summary>
public sealed partial class SchemaGenerator
{
    private const string TemplatesSuffix = "templates.json";

    private static void InitializeTemplates(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<ImmutableArray<EmittedSchema>> schemas,
        IncrementalValueProvider<GeneratorOptions> options)
    {
        var parsed = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(TemplatesSuffix, StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (input, cancellationToken) => ReadFile(input.Left, input.Right.GetOptions(input.Left), cancellationToken))
            .WithTrackingName(TrackingNames.TemplateFiles)
            .Combine(options)
            .Select(static (input, cancellationToken) => ParseTemplatesSafely(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.TemplateParse);

        // Without the diagnostics' positions: a whitespace edit of the file leaves this equal, and the rest cached.
        var specs = parsed
            .Select(static (result, _) => result.Spec)
            .WithTrackingName(TrackingNames.TemplateSpecs);

        var schemaTypes = schemas
            .Select(static (all, _) => all
                .Where(static s => s.Source is not null)
                .SelectMany(static s => s.TypeNames.Select(name => s.Namespace + "." + name))
                .Distinct()
                .OrderBy(static n => n, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.SchemaTypeNames);

        var plan = specs.Collect()
            .Combine(schemaTypes)
            .Select(static (input, _) => Plan(input.Left, input.Right))
            .WithTrackingName(TrackingNames.TemplatePlan);

        var emitted = plan
            .SelectMany(static (p, _) => p.Templates)
            .Select(static (template, cancellationToken) => EmitTemplateSafely(template, cancellationToken))
            .WithTrackingName(TrackingNames.TemplateEmit);

        context.RegisterSourceOutput(emitted, static (context, template) =>
        {
            if (template.Source is not null)
            {
                context.AddSource(template.HintName, SourceText.From(template.Source, System.Text.Encoding.UTF8));
            }

            if (template.Failure is not null)
            {
                context.ReportDiagnostic(template.Failure.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(parsed.Collect().Combine(plan), static (context, input) => ReportTemplateDiagnostics(context, input.Left, input.Right));
    }

    private static TemplateParseResult ParseTemplatesSafely(SchemaFile file, GeneratorOptions projectOptions, CancellationToken cancellationToken)
    {
        var options = new GeneratorOptions(file.Namespace ?? projectOptions.Namespace, file.IsPublic ?? projectOptions.IsPublic);
        try
        {
            return TemplateParser.Parse(file, options, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new TemplateParseResult(
                new TemplateFileSpec(file.Path, options.Namespace, options.IsPublic, EquatableArray<TemplateSpec>.Empty),
                new[] { Failure(file.Path, e) }.ToEquatableArray(),
                EquatableArray<TemplateNameLocation>.Empty);
        }
    }

    /// <summary>
    /// Decides which templates get a type: not one whose type name is taken (by a schema's type or an earlier
    /// template), nor one whose header needs a type no schema generates in its namespace.
    /// </summary>
    private static TemplatePlan Plan(ImmutableArray<TemplateFileSpec> files, EquatableArray<string> schemaTypes)
    {
        var generated = new HashSet<string>(schemaTypes, StringComparer.Ordinal);
        var owners = schemaTypes.ToDictionary(static name => name, static _ => "a schema generates too", StringComparer.Ordinal);
        var planned = new List<PlannedTemplate>();
        var problems = new List<TemplateProblem>();
        foreach (var file in files)
        {
            var fileName = Path.GetFileName(file.FilePath);
            foreach (var template in file.Templates)
            {
                var typeName = file.Namespace + "." + template.TypeName;
                var builderName = file.Namespace + "." + template.BuilderTypeName;
                var owner = owners.TryGetValue(typeName, out var found) || owners.TryGetValue(builderName, out found) ? found : null;
                if (owner is not null)
                {
                    problems.Add(new TemplateProblem(file.FilePath, template.Name, DiagnosticInfo.Create(TemplateDiagnostics.NameConflict, null, template.Name, typeName, owner)));
                    continue;
                }

                var missing = template.HeaderKinds.FirstOrDefault(kind => kind != TemplateHeaderKind.Text
                    && !(generated.Contains(file.Namespace + "." + TemplateHeaders.TypeName(kind)) && generated.Contains(file.Namespace + "." + TemplateHeaders.TypeName(kind) + "Builder")));
                if (missing != TemplateHeaderKind.None)
                {
                    var mediaType = TemplateHeaders.TypeName(missing)!;
                    problems.Add(new TemplateProblem(file.FilePath, template.Name, DiagnosticInfo.Create(
                        TemplateDiagnostics.MediaTypeMissing,
                        null,
                        template.Name,
                        missing.ToString().ToUpperInvariant(),
                        mediaType,
                        file.Namespace + "." + mediaType,
                        $"schema/{TemplateHeaders.JsonType(missing)}-message.schema.json")));
                    continue;
                }

                owners[typeName] = owners[builderName] = $"template '{template.Name}' in '{fileName}' generates too";
                planned.Add(new PlannedTemplate(template, file.Namespace, file.IsPublic, fileName, $"{file.Namespace}.{template.TypeName}.template.g.cs"));
            }
        }

        return new TemplatePlan(planned.ToEquatableArray(), problems.ToEquatableArray());
    }

    private static EmittedTemplate EmitTemplateSafely(PlannedTemplate template, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return new EmittedTemplate(template.HintName, TemplateEmitter.Emit(template), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new EmittedTemplate(template.HintName, null, Failure(template.FileName, e));
        }
    }

    /// <summary>The parser's diagnostics, and the plan's problems at the template's name in its file.</summary>
    private static void ReportTemplateDiagnostics(SourceProductionContext context, ImmutableArray<TemplateParseResult> files, TemplatePlan plan)
    {
        foreach (var diagnostic in files.SelectMany(static f => f.Diagnostics))
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        foreach (var problem in plan.Problems)
        {
            var location = files
                .Where(f => f.Spec.FilePath == problem.FilePath)
                .SelectMany(static f => f.NameLocations)
                .FirstOrDefault(n => n.Name == problem.TemplateName)?.Location;
            context.ReportDiagnostic((problem.Diagnostic with { Location = location }).ToDiagnostic());
        }
    }
}
