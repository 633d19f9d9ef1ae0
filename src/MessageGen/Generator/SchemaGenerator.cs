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
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Generator;

/// <summary>
/// Generates typed messages, builders and UTF-8 serializers from every <c>*.schema.json</c> AdditionalFile, and a
/// typed template from every approved template of a <c>*templates.json</c> one.
/// Each file is parsed on its own, so editing one schema re-runs only its steps; C# edits re-run none.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class SchemaGenerator : IIncrementalGenerator
{
    private const string SchemaSuffix = ".schema.json";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (input, cancellationToken) => ReadFile(input.Left, input.Right.GetOptions(input.Left), cancellationToken))
            .WithTrackingName(TrackingNames.SchemaFiles);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var emitted = files
            .Combine(options)
            .Select(static (input, cancellationToken) => ParseSafely(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Parse)
            .Select(static (result, cancellationToken) => EmitSafely(result, cancellationToken))
            .WithTrackingName(TrackingNames.Emit);

        // Collected so that hint names and type names can be checked across files.
        var all = emitted.Collect().WithTrackingName(TrackingNames.AllSchemas);
        context.RegisterSourceOutput(all, static (context, schemas) => AddSources(context, schemas));

        InitializeTemplates(context, all, options);
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
        => new(
            Setting(options, "build_property.MessageGenNamespace") ?? GeneratorOptions.DefaultNamespace,
            IsPublic(Setting(options, "build_property.MessageGenAccessibility")) ?? true);

    /// <summary>A schema file, with the namespace and accessibility its own item metadata sets (overriding the project's).</summary>
    private static SchemaFile ReadFile(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
        => new(
            file.Path,
            file.GetText(cancellationToken)?.ToString(),
            Setting(options, "build_metadata.AdditionalFiles.MessageGenNamespace"),
            IsPublic(Setting(options, "build_metadata.AdditionalFiles.MessageGenAccessibility")));

    private static string? Setting(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool? IsPublic(string? accessibility) => accessibility is null ? null : !string.Equals(accessibility, "internal", StringComparison.OrdinalIgnoreCase);

    private static SchemaParseResult ParseSafely(SchemaFile file, GeneratorOptions projectOptions, CancellationToken cancellationToken)
    {
        try
        {
            var options = new GeneratorOptions(file.Namespace ?? projectOptions.Namespace, file.IsPublic ?? projectOptions.IsPublic);
            return SchemaParser.Parse(file, options, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A last line of defence: a schema must never make the compiler report CS8785 and drop all generated code.
            return new SchemaParseResult(null, new[] { Failure(file.Path, e) }.ToEquatableArray());
        }
    }

    private static EmittedSchema EmitSafely(SchemaParseResult result, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var spec = result.Spec;
        if (spec is null)
        {
            return new EmittedSchema(string.Empty, null, EquatableArray<string>.Empty, string.Empty, result.Diagnostics);
        }

        try
        {
            var source = SchemaEmitter.Emit(spec);
            var typeNames = spec.Objects.SelectMany(o => new[] { o.TypeName, o.BuilderTypeName })
                .Concat(spec.Unions.SelectMany(u => u.UnknownTypeName is { } unknown ? new[] { u.TypeName, unknown } : new[] { u.TypeName }))
                .ToEquatableArray();
            return new EmittedSchema(spec.FileName, source, typeNames, spec.Namespace, result.Diagnostics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new EmittedSchema(spec.FileName, null, EquatableArray<string>.Empty, spec.Namespace, result.Diagnostics.Items.Add(Failure(spec.FileName, e)).ToEquatableArray());
        }
    }

    private static DiagnosticInfo Failure(string path, Exception e)
        => DiagnosticInfo.Create(SchemaDiagnostics.GenerationFailed, null, Path.GetFileName(path), $"{e.GetType().Name}: {e.Message}");

    private static void AddSources(SourceProductionContext context, ImmutableArray<EmittedSchema> schemas)
    {
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var typeOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            foreach (var diagnostic in schema.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (schema.Source is null)
            {
                continue;
            }

            var clash = schema.TypeNames.FirstOrDefault(name => typeOwners.ContainsKey(schema.Namespace + "." + name));
            if (clash is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    SchemaDiagnostics.NameConflict,
                    Location.None,
                    $"'{schema.FileName}' and '{typeOwners[schema.Namespace + "." + clash]}' both generate the type '{schema.Namespace}.{clash}'; '{schema.FileName}' was not generated. Give one of the objects a different 'title'."));
                continue;
            }

            foreach (var name in schema.TypeNames)
            {
                typeOwners[schema.Namespace + "." + name] = schema.FileName;
            }

            var baseName = HintSafe(Naming.SchemaBaseName(schema.FileName));
            var hintName = baseName + ".g.cs";
            for (var i = 2; !hintNames.Add(hintName); i++)
            {
                hintName = $"{baseName}.{i}.g.cs";
            }

            context.AddSource(hintName, SourceText.From(schema.Source, System.Text.Encoding.UTF8));
        }
    }

    /// <summary>Hint names allow only some characters; anything else in a file name would make AddSource throw.</summary>
    private static string HintSafe(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_').ToArray();
        return chars.Length == 0 ? "schema" : new string(chars);
    }
}
