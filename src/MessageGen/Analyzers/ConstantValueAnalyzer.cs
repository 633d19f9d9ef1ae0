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
/// <c>minimum</c>, <c>maximum</c>, their exclusive forms, <c>multipleOf</c> or <c>enum</c>, or is NaN or infinite) and
/// MG0008 (constant string is not one of the <c>enum</c> values; MG0009 for a template's language), for every generated <c>With...</c> call and
/// model initializer assignment whose value is a compile-time constant (or <c>string.Empty</c>, or a
/// <c>new Uri("...")</c>), wherever it is: in a chain, a lambda, an array or collection expression, a nested initializer.
/// The limits come from <c>[SchemaMember]</c> on the generated member (see <see cref="SchemaSymbols"/>), so every
/// schema gets the checks with no code of its own. A number is checked as the value the member receives: the constant
/// after the implicit conversion to the member's type (an <c>int</c>, <c>char</c>, <c>float</c> or <c>long</c> argument of
/// a <c>double</c> member), so that compile time and <c>Build()</c> compare the same double.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantValueAnalyzer : SchemaAnalyzer
{
    private const int MaxShown = 60;

    private const string NotFinite = "a finite number (JSON has no NaN or infinity)";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        ConstantLengthOutOfRangeRule.Descriptor,
        ConstantPatternMismatchRule.Descriptor,
        ConstantNotHttpsUriRule.Descriptor,
        ConstantOutOfNumericRangeRule.Descriptor,
        ConstantNotAllowedValueRule.Descriptor,
        TemplateLanguageNotApprovedRule.Descriptor,
        TemplatePartNotTakenRule.Descriptor);

    private protected override void Register(CompilationStartAnalysisContext start, SchemaSymbols symbols)
    {
        var uri = start.Compilation.GetTypeByMetadataName("System.Uri");
        var patterns = new ConcurrentDictionary<string, Regex?>(StringComparer.Ordinal);
        start.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (invocation.Arguments.Length == 1 && symbols.TryGetBuilderMember(invocation.TargetMethod, out var builder, out var member))
                {
                    Check(c, member, invocation.Arguments[0].Value, MemberAssignment.InvocationLocation(invocation), uri, patterns, builder.TemplateName);
                    if (builder.TemplateName is { } template && member.JsonName == TemplateLanguageNotApprovedRule.Member)
                    {
                        CheckTemplateParts(c, invocation, member, template, symbols);
                    }
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

    /// <summary>
    /// MG0011: the parts set in the chain of a constant, approved <c>WithLanguage</c> that the language does not take.
    /// Only the chain's last <c>WithLanguage</c> counts: it is the one the message is sent in.
    /// </summary>
    private static void CheckTemplateParts(OperationAnalysisContext context, IInvocationOperation withLanguage, SchemaMember member, string template, SchemaSymbols symbols)
    {
        if (StringConstant(MemberAssignment.SkipConversions(withLanguage.Arguments[0].Value)) is not { } language
            || !member.AllowedValues.Contains(language, StringComparer.Ordinal))
        {
            return;
        }

        var chain = BuilderChain.FromTop(BuilderChain.ClimbFrom(withLanguage, symbols), symbols, context.CancellationToken);
        if (!ReferenceEquals(chain.Members.LastOrDefault(m => m.JsonName == member.JsonName)?.Operation, withLanguage))
        {
            return;
        }

        foreach (var assignment in chain.Members)
        {
            if (assignment.Operation is IInvocationOperation call
                && symbols.TemplateLanguages(call.TargetMethod) is { IsDefault: false } languages
                && !languages.Contains(language, StringComparer.Ordinal))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    TemplatePartNotTakenRule.Descriptor, assignment.Location, call.TargetMethod.Name, template, language, string.Join(", ", languages)));
            }
        }
    }

    // templateName: the template whose builder sets the member, whose language is MG0009 rather than MG0008.
    private static void Check(OperationAnalysisContext context, SchemaMember member, IOperation value, Location location, INamedTypeSymbol? uri, ConcurrentDictionary<string, Regex?> patterns, string? templateName = null)
    {
        if (NumericConstant(value) is { } numeric)
        {
            // NaN and the infinities pass no JSON number keyword and cannot be written as JSON at all, limits or not.
            var problem = double.IsNaN(numeric) || double.IsInfinity(numeric) ? NotFinite : member.Limits.Problem(numeric);
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    ConstantOutOfNumericRangeRule.Descriptor, location, member.JsonName, numeric.ToString("R", CultureInfo.InvariantCulture), problem));
            }

            return;
        }

        if (member.MinLength < 0 && member.MaxLength < 0 && member.Pattern is null && member.Format is null && member.AllowedValues.IsEmpty)
        {
            return;
        }

        value = MemberAssignment.SkipConversions(value);
        var isUriObject = false;
        var uriKind = UriKind.Absolute;
        if (value is IObjectCreationOperation { Constructor.Parameters: [{ Type.SpecialType: SpecialType.System_String }, ..] } creation
            && uri is not null
            && SymbolEqualityComparer.Default.Equals(creation.Type, uri)
            && creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } uriString)
        {
            // WithLink(new Uri("http://...")) or new Uri("http://...", UriKind.Absolute): the string the Uri is made from.
            value = MemberAssignment.SkipConversions(uriString.Value);
            isUriObject = true;
            if (creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1) is { Parameter.Type.TypeKind: TypeKind.Enum } kind)
            {
                // A kind only known at run time: the laxest, so that nothing is flagged that might be right.
                uriKind = kind.Value.ConstantValue is { HasValue: true, Value: int known } ? (UriKind)known : UriKind.RelativeOrAbsolute;
            }
        }

        if (StringConstant(value) is not { } text)
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
                context.ReportDiagnostic(templateName is not null && member.JsonName == TemplateLanguageNotApprovedRule.Member
                    ? Diagnostic.Create(TemplateLanguageNotApprovedRule.Descriptor, location, templateName, Shorten(text), allowed)
                    : Diagnostic.Create(ConstantNotAllowedValueRule.Descriptor, location, member.JsonName, Shorten(text), allowed));
            }
        }

        if (string.Equals(member.Format, "uri", StringComparison.Ordinal))
        {
            // The generated WithLink(Uri) stores uri.AbsoluteUri, which System.Uri escapes: new Uri("https://example.com/a b.pdf")
            // sets "https://example.com/a%20b.pdf", which is right. A string is stored as it is.
            var problem = UriProblem((isUriObject ? AsSetFromUri(text, uriKind) : null) ?? text);

            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(ConstantNotHttpsUriRule.Descriptor, location, member.JsonName, Shorten(text), problem));
            }
        }
    }

    /// <summary>
    /// The number a constant argument or initializer value gives the member, or null when it is not a numeric constant.
    /// The outermost implicit conversion that still has a constant is the value the parameter or property receives
    /// (<c>'~'</c> is 126, <c>90.00001f</c> is 90.00000762939453 as a double); only the conversion to a nullable type,
    /// which has no constant, is looked through.
    /// </summary>
    private static double? NumericConstant(IOperation value)
    {
        while (true)
        {
            if (value.ConstantValue is { HasValue: true, Value: { } constant })
            {
                return AsDouble(constant);
            }

            if (value is not IConversionOperation { IsImplicit: true } conversion)
            {
                return null;
            }

            value = conversion.Operand;
        }
    }

    /// <summary>The text of a constant string, or of <c>string.Empty</c> (a field, but always ""); null for anything else.</summary>
    private static string? StringConstant(IOperation value) => value switch
    {
        { ConstantValue: { HasValue: true, Value: string text } } => text,
        IFieldReferenceOperation { Field: { Name: nameof(string.Empty), IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } => string.Empty,
        _ => null,
    };

    /// <summary>A constant of a numeric type as a double; null for any other constant.</summary>
    private static double? AsDouble(object constant) => constant switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        char c => c,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        _ => null,
    };

    /// <summary>What a generated <c>With...(Uri)</c> stores for <c>new Uri(text, kind)</c>: its <c>AbsoluteUri</c>; null when it is not absolute.</summary>
    private static string? AsSetFromUri(string text, UriKind kind)
    {
        try
        {
            return Uri.TryCreate(text, kind, out var parsed) && parsed.IsAbsoluteUri ? parsed.AbsoluteUri : null;
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

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
