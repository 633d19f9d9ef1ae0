using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MessageGen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageGen.Analyzers;

/// <summary>
/// MG0001 (mutually exclusive members both set), MG0002 (member set without what it depends on) and MG0003
/// (required member missing where the object is built), for generated builders and model initializers.
/// </summary>
/// <remarks>
/// The rules come from the attributes the generator emits (see <see cref="SchemaSymbols"/>), so any schema gets them.
/// Three shapes are followed, each only as far as the code is certain:
/// <list type="bullet">
/// <item>a fluent chain of <c>With...</c> calls (the calls of one chain all act on one builder);</item>
/// <item>an object initializer of a generated model (nested initializers are objects of their own);</item>
/// <item>straight-line statements on one local builder in one block (see <see cref="BlockTracker"/>).</item>
/// </list>
/// MG0002 and MG0003 need every member of the object to be known, so they are checked only where the object is
/// completed: <c>Build()</c> on a builder that nobody else has seen, the value returned from a
/// <c>WithVideo(v =&gt; ...)</c> lambda, and an object initializer.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageUsageAnalyzer : SchemaAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        MutuallyExclusiveMembersRule.Descriptor,
        DependentMemberWithoutDependencyRule.Descriptor,
        RequiredMemberMissingRule.Descriptor,
        TemplatePartMissingRule.Descriptor);

    private protected override void Register(CompilationStartAnalysisContext start, SchemaSymbols symbols)
    {
        start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
        start.RegisterOperationAction(c => AnalyzeObjectCreation(c, symbols), OperationKind.ObjectCreation);
        start.RegisterOperationAction(c => new BlockTracker(c, symbols).Run(), OperationKind.Block);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SchemaSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (symbols.GetMessageType(method.ContainingType) is null)
        {
            return;
        }

        if (symbols.IsBuild(method, out _))
        {
            // Build() on a builder nobody else has seen: every member is in the chain.
            if (invocation.Instance is null)
            {
                return;
            }

            var chain = BuilderChain.FromTop(invocation.Instance, symbols, context.CancellationToken);
            if (chain.Builder is null || !chain.Builder.HasCombinationRules || !BuilderChain.IsFreshBuilder(chain.Root, symbols))
            {
                return;
            }

            var state = new ObjectState(chain.Builder);
            foreach (var member in chain.Members)
            {
                state.Apply(member, 0, out _);
            }

            CheckComplete(state, MemberAssignment.InvocationLocation(invocation), includeCSharpRequired: true, context.ReportDiagnostic, reported: null);
            return;
        }

        if (!symbols.TryGetBuilderMember(method, out var builder, out _) || builder.ExactlyOneOf.Length == 0)
        {
            return;
        }

        // Only the last call of a chain reads the chain, so each chain is read once.
        if (invocation.Parent is IInvocationOperation parent
            && ReferenceEquals(parent.Instance, invocation)
            && symbols.TryGetBuilderMember(parent.TargetMethod, out _, out _))
        {
            return;
        }

        var members = BuilderChain.FromTop(invocation, symbols, context.CancellationToken).Members;
        if (members.Count < 2)
        {
            return;
        }

        var objectState = new ObjectState(builder);
        List<(MemberAssignment Member, MemberAssignment Other)>? conflicts = null;
        foreach (var member in members)
        {
            var conflict = objectState.Apply(member, 0, out _);
            if (conflict is not null)
            {
                (conflicts ??= new()).Add((member, conflict));
            }
        }

        if (conflicts is null)
        {
            return;
        }

        // Reported only when the chain ends with both members set: a later call may clear or replace one of them.
        foreach (var (member, other) in conflicts)
        {
            if (objectState.IsCurrent(member) && objectState.IsCurrent(other))
            {
                context.ReportDiagnostic(MutuallyExclusive(member, other, builder));
            }
        }
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, SchemaSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = symbols.GetMessageType(creation.Type);
        if (type is null || type.IsBuilder || !type.HasCombinationRules)
        {
            return;
        }

        var state = new ObjectState(type);
        if (creation.Initializer is not null)
        {
            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    || symbols.GetMember(property.Property) is not { } member)
                {
                    // A nested member initializer (Video = { ... }) or anything else we cannot follow: say nothing.
                    return;
                }

                var assigned = MemberAssignment.FromInitializer(assignment, member, context.CancellationToken);
                var conflict = state.Apply(assigned, 0, out _);
                if (conflict is not null)
                {
                    context.ReportDiagnostic(MutuallyExclusive(assigned, conflict, type));
                }
            }
        }

        // A constructor of a generated model sets nothing, so the initializer is the whole object.
        var location = creation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax { Type: { } typeSyntax }
            ? typeSyntax.GetLocation()
            : creation.Syntax.GetFirstToken().GetLocation();
        CheckComplete(state, location, includeCSharpRequired: false, context.ReportDiagnostic, reported: null);
    }

    internal static Diagnostic MutuallyExclusive(MemberAssignment member, MemberAssignment other, MessageType type)
        => Diagnostic.Create(
            MutuallyExclusiveMembersRule.Descriptor,
            member.Location,
            new[] { other.Location },
            ImmutableDictionary<string, string?>.Empty
                .Add(UsageRules.MemberProperty, member.JsonName)
                .Add(UsageRules.OtherMemberProperty, other.JsonName),
            member.JsonName,
            other.JsonName,
            type.Title);

    /// <summary>MG0002 and MG0003 for an object whose every member is known.</summary>
    internal static void CheckComplete(ObjectState state, Location builtAt, bool includeCSharpRequired, System.Action<Diagnostic> report, HashSet<(string, Location)>? reported)
    {
        var title = state.Type.Title;
        var brokeDependency = false;
        foreach (var (member, rule, missing) in state.BrokenDependencies())
        {
            brokeDependency = true;
            var names = Join(rule.RequiresAll ? missing : rule.Requires, rule.RequiresAll ? "and" : "or");
            Report(
                Diagnostic.Create(
                    DependentMemberWithoutDependencyRule.Descriptor,
                    member.Location,
                    ImmutableDictionary<string, string?>.Empty.Add(UsageRules.MemberProperty, member.JsonName),
                    member.JsonName,
                    title,
                    names));
        }

        foreach (var missing in state.MissingRequired(includeCSharpRequired))
        {
            Report(state.Type.TemplateName is { } template
                ? Diagnostic.Create(TemplatePartMissingRule.Descriptor, builtAt, title, $"'{missing}', which template '{template}' needs in every language it is approved in")
                : Diagnostic.Create(RequiredMemberMissingRule.Descriptor, builtAt, title, $"'{missing}', which the schema requires"));
        }

        if (brokeDependency)
        {
            // The dependency diagnostic already says what is missing; one squiggle is enough.
            return;
        }

        foreach (var group in state.UnsatisfiedExactlyOneOf())
        {
            var alternatives = Join(group.Select(a => a.Length == 1 ? a[0] : string.Join("' and '", a)), "or");
            Report(Diagnostic.Create(RequiredMemberMissingRule.Descriptor, builtAt, title, alternatives + ": the schema requires exactly one of them"));
        }

        void Report(Diagnostic diagnostic)
        {
            if (reported is null || reported.Add((diagnostic.Id + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), diagnostic.Location)))
            {
                report(diagnostic);
            }
        }
    }

    private static string Join(IEnumerable<string> names, string conjunction)
    {
        var quoted = names.Select(n => "'" + n + "'").ToList();
        return quoted.Count <= 1
            ? string.Concat(quoted)
            : string.Join(", ", quoted.Take(quoted.Count - 1)) + " " + conjunction + " " + quoted[quoted.Count - 1];
    }
}
