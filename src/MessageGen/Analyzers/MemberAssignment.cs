using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.Analyzers;

/// <summary>Whether a member is certainly set, maybe set (the value may be null), or cleared (a <c>null</c> constant).</summary>
internal enum Presence
{
    Cleared,
    Maybe,
    Set,
}

/// <summary>One member set by a <c>With...</c> call or by an object initializer assignment.</summary>
internal sealed class MemberAssignment
{
    private readonly CancellationToken _cancellationToken;
    private readonly Presence _withoutFlowState;
    private Presence? _presence;

    private MemberAssignment(SchemaMember member, IOperation operation, IOperation? value, Location location, CancellationToken cancellationToken)
    {
        Member = member;
        Operation = operation;
        Value = value;
        Location = location;
        _cancellationToken = cancellationToken;
        _withoutFlowState = Classify(value, semanticModel: null, cancellationToken);
    }

    public SchemaMember Member { get; }

    public string JsonName => Member.JsonName;

    /// <summary>The <c>With...</c> invocation or the initializer's assignment.</summary>
    public IOperation Operation { get; }

    /// <summary>The value assigned (a lambda for the <c>Func&lt;Builder, Builder&gt;</c> overloads).</summary>
    public IOperation? Value { get; }

    /// <summary>Whether the value is certainly null, which clears the member; known without the compiler's flow analysis.</summary>
    public bool IsCleared => _withoutFlowState == Presence.Cleared;

    /// <summary>
    /// Set, maybe set or cleared. A value that looks set may still be null by the compiler's nullable flow analysis,
    /// which re-analyzes the whole method: so it is asked only here, on first use, and callers ask last.
    /// </summary>
    public Presence Presence => _presence ??= _withoutFlowState == Presence.Set
        ? Classify(Value, Value?.SemanticModel, _cancellationToken)
        : _withoutFlowState;

    /// <summary>Where to report: <c>WithLink(url)</c> in a chain, <c>Link = url</c> in an initializer.</summary>
    public Location Location { get; }

    public static MemberAssignment FromInvocation(IInvocationOperation invocation, SchemaMember member, CancellationToken cancellationToken)
        => new(member, invocation, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null, InvocationLocation(invocation), cancellationToken);

    public static MemberAssignment FromInitializer(ISimpleAssignmentOperation assignment, SchemaMember member, CancellationToken cancellationToken)
        => new(member, assignment, assignment.Value, assignment.Syntax.GetLocation(), cancellationToken);

    /// <summary>The span from the method name to the closing parenthesis: <c>WithLink(url)</c>, or <c>Build()</c>.</summary>
    public static Location InvocationLocation(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End));
        }

        if (syntax is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding })
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(binding.Name.SpanStart, syntax.Span.End));
        }

        return syntax.GetLocation();
    }

    /// <summary>
    /// A <c>null</c> constant clears the member; a value that may be null by construction (<c>c ? x : null</c>,
    /// or an expression the compiler's nullable analysis says may be null) may leave it unset; anything else sets it.
    /// Only certainly-set members count as conflicting, and maybe-set ones count as present, so that the rules
    /// never flag code that is right at run time. Without <paramref name="semanticModel"/> the flow state is not asked.
    /// </summary>
    private static Presence Classify(IOperation? value, SemanticModel? semanticModel, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return Presence.Set;
        }

        value = SkipConversions(value);
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value is null ? Presence.Cleared : Presence.Set;
        }

        switch (value)
        {
            case IDefaultValueOperation when value.Type is null || !value.Type.IsValueType:
                return Presence.Cleared;
            case IConditionalOperation conditional:
                var whenTrue = Classify(conditional.WhenTrue, semanticModel, cancellationToken);
                var whenFalse = conditional.WhenFalse is null ? Presence.Cleared : Classify(conditional.WhenFalse, semanticModel, cancellationToken);
                return whenTrue == Presence.Set && whenFalse == Presence.Set ? Presence.Set
                    : whenTrue == Presence.Cleared && whenFalse == Presence.Cleared ? Presence.Cleared
                    : Presence.Maybe;
            case ICoalesceOperation coalesce:
                return Classify(coalesce.WhenNull, semanticModel, cancellationToken) == Presence.Set ? Presence.Set : Presence.Maybe;
            case IConditionalAccessOperation:
                return Presence.Maybe;
            case IObjectCreationOperation or IAnonymousFunctionOperation or IDelegateCreationOperation or ILiteralOperation or IInterpolatedStringOperation:
                return Presence.Set;
        }

        if (value.Type is { IsValueType: true } type && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
        {
            return Presence.Set;
        }

        if (semanticModel is not null && value.Syntax is ExpressionSyntax expression)
        {
            var flowState = semanticModel.GetTypeInfo(expression, cancellationToken).Nullability.FlowState;
            if (flowState == NullableFlowState.MaybeNull)
            {
                return Presence.Maybe;
            }
        }

        return Presence.Set;
    }

    public static IOperation SkipConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
