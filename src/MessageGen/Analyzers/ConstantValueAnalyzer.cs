using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MessageGen.Analyzers.Rules;
using MessageGen.Generator;
using MessageGen.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageGen.Analyzers;

/// <summary>
/// MG0004 (constant breaks <c>minLength</c>/<c>maxLength</c>), MG0005 (constant does not match <c>pattern</c>),
/// MG0006 (constant <c>format: uri</c> value is not an absolute https URI), MG0007 (constant number breaks
/// <c>minimum</c>, <c>maximum</c>, their exclusive forms, <c>multipleOf</c> or <c>enum</c>) and MG0008 (constant string
/// is not one of the <c>enum</c> values), for every generated <c>With...</c> call and
/// model initializer assignment whose value is a compile-time constant (or <c>new Uri("...")</c>).
/// The limits come from <c>[SchemaMember]</c> on the generated member (see <see cref="SchemaSymbols"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantValueAnalyzer : SchemaAnalyzer
{
    private const int MaxShown = 60;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        ConstantLengthOutOfRangeRule.Descriptor,
        ConstantPatternMismatchRule.Descriptor,
        ConstantNotHttpsUriRule.Descriptor,
        ConstantOutOfNumericRangeRule.Descriptor,
        ConstantNotAllowedValueRule.Descriptor);

    private protected override void Register(CompilationStartAnalysisContext start, SchemaSymbols symbols)
    {
        var uri = start.Compilation.GetTypeByMetadataName("System.Uri");
        var patterns = new ConcurrentDictionary<string, Regex?>(StringComparer.Ordinal);
        start.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (invocation.Arguments.Length == 1 && symbols.TryGetBuilderMember(invocation.TargetMethod, out _, out var member))
                {
                    Check(c, member, invocation.Arguments[0].Value, MemberAssignment.InvocationLocation(invocation), uri, patterns);
                }
            },
            OperationKind.Invocation);
        start.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } property
                    && symbols.GetMessageType(property.Property.ContainingType) is { IsBuilder: false }
                    && symbols.GetMember(property.Property) is { } member)
                {
                    Check(c, member, assignment.Value, assignment.Syntax.GetLocation(), uri, patterns);
                }
            },
            OperationKind.SimpleAssignment);
    }

    private static void Check(OperationAnalysisContext context, SchemaMember member, IOperation value, Location location, INamedTypeSymbol? uri, ConcurrentDictionary<string, Regex?> patterns)
    {
        if (member.MinLength < 0 && member.MaxLength < 0 && member.Pattern is null && member.Format is null && member.Limits.IsNone && member.AllowedValues.IsEmpty)
        {
            return;
        }

        value = MemberAssignment.SkipConversions(value);
        if (value.ConstantValue is { HasValue: true, Value: { } number } && AsDouble(number) is { } numeric)
        {
            if (member.Limits.Problem(numeric) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    ConstantOutOfNumericRangeRule.Descriptor, location, member.JsonName, numeric.ToString("R", CultureInfo.InvariantCulture), problem));
            }

            return;
        }

        var isUriObject = false;
        if (value is IObjectCreationOperation { Arguments.Length: 1 } creation
            && uri is not null
            && SymbolEqualityComparer.Default.Equals(creation.Type, uri))
        {
            // WithLink(new Uri("http://...")): the string the Uri is made from.
            value = MemberAssignment.SkipConversions(creation.Arguments[0].Value);
            isUriObject = true;
        }

        if (value.ConstantValue is not { HasValue: true, Value: string text })
        {
            return;
        }

        if (!isUriObject)
        {
            var length = CodePoints(text);
            if (member.MaxLength >= 0 && length > member.MaxLength)
            {
                context.ReportDiagnostic(Diagnostic.Create(ConstantLengthOutOfRangeRule.Descriptor, location, member.JsonName, length, "at most " + member.MaxLength.ToString(CultureInfo.InvariantCulture)));
            }
            else if (member.MinLength >= 0 && length < member.MinLength)
            {
                context.ReportDiagnostic(Diagnostic.Create(ConstantLengthOutOfRangeRule.Descriptor, location, member.JsonName, length, "at least " + member.MinLength.ToString(CultureInfo.InvariantCulture)));
            }

            if (member.Pattern is { } pattern && patterns.GetOrAdd(pattern, CreateRegex) is { } regex && !IsMatch(regex, text))
            {
                context.ReportDiagnostic(Diagnostic.Create(ConstantPatternMismatchRule.Descriptor, location, member.JsonName, Shorten(text), pattern));
            }

            if (!member.AllowedValues.IsEmpty && !member.AllowedValues.Contains(text, StringComparer.Ordinal))
            {
                var allowed = string.Join(", ", member.AllowedValues.Select(v => "\"" + Shorten(v) + "\""));
                context.ReportDiagnostic(Diagnostic.Create(ConstantNotAllowedValueRule.Descriptor, location, member.JsonName, Shorten(text), allowed));
            }
        }

        if (string.Equals(member.Format, "uri", StringComparison.Ordinal))
        {
            var problem = UriProblem(text);
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(ConstantNotHttpsUriRule.Descriptor, location, member.JsonName, Shorten(text), problem));
            }
        }
    }

    /// <summary>A constant of a numeric type as the double the generated property holds; null for any other constant.</summary>
    private static double? AsDouble(object constant) => constant switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        _ => null,
    };

    /// <summary>Null when <paramref name="text"/> is an absolute https URI; else what is wrong, for the message.</summary>
    internal static string? UriProblem(string text)
    {
        // The run-time check's own rules (RFC 3986), so that compile time and run time agree.
        if (!Rfc3986.IsUri(text))
        {
            return "is not an absolute URI";
        }

        var scheme = text.Substring(0, text.IndexOf(':')).ToLowerInvariant();
        return scheme == "https" ? null : $"uses '{scheme}', but WhatsApp fetches media only over https";
    }

    /// <summary>The length as JSON Schema counts it: Unicode code points.</summary>
    internal static int CodePoints(string text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            length++;
        }

        return length;
    }

    private static Regex? CreateRegex(string pattern)
    {
        try
        {
            // The generated code checks with ECMA-262 semantics; do the same. A pattern .NET cannot read is the
            // generator's business (MG1006), not a reason to flag the user's constant.
            return new Regex(EcmaScriptPattern.ToDotNet(pattern), RegexOptions.ECMAScript, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static string Shorten(string text) => text.Length > MaxShown ? text.Substring(0, MaxShown) + "…" : text;
}
