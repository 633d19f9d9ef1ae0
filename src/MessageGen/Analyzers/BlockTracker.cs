using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageGen.Analyzers;

/// <summary>
/// Follows builders held in locals through the straight-line statements of one block, e.g.
/// <c>var b = VideoMedia.Builder(); b.WithId(id); b.WithLink(url);</c>.
/// </summary>
/// <remarks>
/// Precision over recall: a local is followed only while every use of it is a top-level, unconditional
/// <c>With...</c> chain, a <c>Build()</c> call, or a reassignment. Any other use (an argument, a capture by a lambda,
/// a use inside an <c>if</c>, loop or <c>switch</c>, <c>?:</c>, <c>??</c>, <c>?.</c>, a label) ends the tracking of
/// that local, because from there on the code no longer says for certain which members are set.
/// <list type="bullet">
/// <item>A local declared in this block and initialized (or assigned) with a new builder is "owned": nothing else can
/// reach it, so statements that do not mention it cannot change it, and its <c>Build()</c> sees every member
/// (MG0002, MG0003).</item>
/// <item>A builder local declared elsewhere, or a parameter, is followed only across directly consecutive statements
/// that use it (MG0001 only): anything between them might change it through an alias.</item>
/// <item>The parameter of a <c>WithVideo(v =&gt; { ... })</c> lambda is owned: the generated method passes a new builder
/// and builds what the lambda returns.</item>
/// </list>
/// Conflicts inside one chain are left to the chain rule, so each is reported once. A conflict between statements is
/// reported when the builder is built, passed on or no longer followed, and only if both members are still set then.
/// </remarks>
internal sealed class BlockTracker(OperationAnalysisContext context, SchemaSymbols symbols)
{
    private readonly Dictionary<ISymbol, Tracked> _tracked = new(SymbolEqualityComparer.Default);
    private readonly HashSet<(string, Location)> _reported = new();

    public void Run()
    {
        var block = (IBlockOperation)context.Operation;
        var capturedByLocalFunctions = (HashSet<ISymbol>?)null;
        if (block.Parent is IAnonymousFunctionOperation lambda
            && BuilderChain.IsFreshBuilderLambda(lambda, symbols, out var parameter, out var lambdaBuilder))
        {
            capturedByLocalFunctions = CapturedByLocalFunctions(block);
            if (!capturedByLocalFunctions.Contains(parameter))
            {
                _tracked[parameter] = new Tracked(new ObjectState(lambdaBuilder), owned: true, isLambdaParameter: true);
            }
        }
        else if (!MayHaveBuilderStatements(block))
        {
            return;
        }

        capturedByLocalFunctions ??= CapturedByLocalFunctions(block);
        for (var index = 0; index < block.Operations.Length; index++)
        {
            var statement = block.Operations[index];
            if (statement is ILabeledOperation)
            {
                // A jump can land here with any state.
                foreach (var tracked in _tracked.Values)
                {
                    Flush(tracked);
                }

                _tracked.Clear();
                continue;
            }

            if (_tracked.Count > 0)
            {
                ProcessStatement(statement, index);
            }

            StartTracking(statement, index, block, capturedByLocalFunctions);
        }

        foreach (var tracked in _tracked.Values)
        {
            Flush(tracked);
        }
    }

    private void ProcessStatement(IOperation statement, int index)
    {
        var references = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        foreach (var operation in statement.DescendantsAndSelf())
        {
            var symbol = operation switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (symbol is not null && _tracked.ContainsKey(symbol))
            {
                if (!references.TryGetValue(symbol, out var list))
                {
                    references[symbol] = list = new List<IOperation>();
                }

                list.Add(operation);
            }
        }

        foreach (var symbol in _tracked.Keys.ToList())
        {
            var tracked = _tracked[symbol];
            if (!references.TryGetValue(symbol, out var uses))
            {
                if (!tracked.Owned)
                {
                    // Not owned: only directly consecutive statements are certain.
                    Flush(tracked);
                    _tracked.Remove(symbol);
                }

                continue;
            }

            if (!Process(symbol, tracked, uses, statement, index))
            {
                Flush(tracked);
                _tracked.Remove(symbol);
            }
        }
    }

    /// <summary>Applies one statement's use of a tracked builder; returns false to stop tracking it.</summary>
    private bool Process(ISymbol symbol, Tracked tracked, List<IOperation> uses, IOperation statement, int index)
    {
        IOperation receiver;
        if (uses.Count == 1)
        {
            receiver = uses[0];
        }
        else if (uses.Count == 2
            && statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
            && ReferenceEquals(assignment.Target, uses[0])
            && ReferenceEquals(BuilderChain.ClimbFrom(uses[1], symbols), assignment.Value))
        {
            // b = b.WithId(x);
            return Apply(tracked, BuilderChain.FromTop(assignment.Value, symbols, context.CancellationToken), index);
        }
        else
        {
            return false;
        }

        if (receiver.Parent is ISimpleAssignmentOperation target && ReferenceEquals(target.Target, receiver))
        {
            // b = VideoMedia.Builder()...; starts a new object when it is a new builder.
            if (!tracked.Owned || target.Parent is not IExpressionStatementOperation || !ReferenceEquals(target.Parent, statement))
            {
                return false;
            }

            var chain = BuilderChain.FromTop(target.Value, symbols, context.CancellationToken);
            if (!BuilderChain.IsFreshBuilder(chain.Root, symbols))
            {
                return false;
            }

            Flush(tracked);
            tracked.Reset();
            foreach (var member in chain.Members)
            {
                tracked.State.Apply(member, index, out _);
            }

            return true;
        }

        var top = BuilderChain.ClimbFrom(receiver, symbols);
        if (!IsUnconditional(top, statement))
        {
            return false;
        }

        var keep = Apply(tracked, BuilderChain.FromTop(top, symbols, context.CancellationToken), index);
        switch (top.Parent)
        {
            case IExpressionStatementOperation when ReferenceEquals(top.Parent, statement):
                return keep;
            case IInvocationOperation build when ReferenceEquals(build.Instance, top) && symbols.IsBuild(build.TargetMethod, out _):
                // What is built is what the builder holds now.
                Flush(tracked);
                if (tracked.Owned && !tracked.IsLambdaParameter)
                {
                    MessageUsageAnalyzer.CheckComplete(tracked.State, MemberAssignment.InvocationLocation(build), includeCSharpRequired: true, context.ReportDiagnostic, _reported);
                }

                return keep;
            case IReturnOperation when tracked.IsLambdaParameter && ReferenceEquals(top.Parent, statement):
                MessageUsageAnalyzer.CheckComplete(tracked.State, top.Syntax.GetLocation(), includeCSharpRequired: true, context.ReportDiagnostic, _reported);
                return false;
            default:
                // Passed on, stored or returned: from here on someone else may change it.
                return false;
        }
    }

    private static bool Apply(Tracked tracked, BuilderChain chain, int index)
    {
        foreach (var member in chain.Members)
        {
            var conflict = tracked.State.Apply(member, index, out var conflictSegment);
            if (conflict is not null && conflictSegment != index)
            {
                tracked.Pending.Add((member, conflict));
            }
        }

        return true;
    }

    /// <summary>
    /// Reports the conflicts between statements that still hold: both members are still set when the builder is built,
    /// passed on or no longer followed. A later <c>b.WithId(null);</c> clears the conflict it was part of.
    /// </summary>
    private void Flush(Tracked tracked)
    {
        foreach (var (member, other) in tracked.Pending)
        {
            if (!tracked.State.IsCurrent(member) || !tracked.State.IsCurrent(other))
            {
                continue;
            }

            var diagnostic = MessageUsageAnalyzer.MutuallyExclusive(member, other, tracked.State.Type);
            if (_reported.Add((diagnostic.Id, diagnostic.Location)))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        tracked.Pending.Clear();
    }

    private void StartTracking(IOperation statement, int index, IBlockOperation block, HashSet<ISymbol> captured)
    {
        switch (statement)
        {
            case IVariableDeclarationGroupOperation group:
                foreach (var declarator in group.Declarations.SelectMany(d => d.Declarators))
                {
                    if (declarator.Initializer is { } initializer && !captured.Contains(declarator.Symbol) && !declarator.Symbol.IsRef)
                    {
                        var chain = BuilderChain.FromTop(MemberAssignment.SkipConversions(initializer.Value), symbols, context.CancellationToken);
                        if (chain.Builder is { IsBuilder: true } builder && BuilderChain.IsFreshBuilder(chain.Root, symbols))
                        {
                            var tracked = new Tracked(new ObjectState(builder), owned: true, isLambdaParameter: false);
                            foreach (var member in chain.Members)
                            {
                                tracked.State.Apply(member, index, out _);
                            }

                            _tracked[declarator.Symbol] = tracked;
                        }
                    }
                }

                break;

            case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment }
                when !_tracked.ContainsKey(local.Local) && !captured.Contains(local.Local) && !local.Local.IsRef:
                {
                    // VideoMediaBuilder b; ... b = VideoMedia.Builder();  (owned only when declared in this block)
                    var chain = BuilderChain.FromTop(MemberAssignment.SkipConversions(assignment.Value), symbols, context.CancellationToken);
                    if (block.Locals.Contains(local.Local, SymbolEqualityComparer.Default)
                        && chain.Builder is { IsBuilder: true } builder
                        && BuilderChain.IsFreshBuilder(chain.Root, symbols)
                        && !chain.Members.Any(m => m.Value?.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Local, local.Local)) == true))
                    {
                        var tracked = new Tracked(new ObjectState(builder), owned: true, isLambdaParameter: false);
                        foreach (var member in chain.Members)
                        {
                            tracked.State.Apply(member, index, out _);
                        }

                        _tracked[local.Local] = tracked;
                    }

                    break;
                }

            case IExpressionStatementOperation expression:
                {
                    // b.WithId(x); on a builder local declared elsewhere: follow it across the next statements only.
                    var chain = BuilderChain.FromTop(expression.Operation, symbols, context.CancellationToken);
                    if (chain.Members.Count > 0
                        && chain.Builder is { } builder
                        && builder.ExactlyOneOf.Length > 0
                        && chain.Root switch
                        {
                            ILocalReferenceOperation local => !local.Local.IsRef && !block.Locals.Contains(local.Local, SymbolEqualityComparer.Default),
                            IParameterReferenceOperation parameter => parameter.Parameter.RefKind == RefKind.None,
                            _ => false,
                        }
                        && RootSymbol(chain.Root) is { } rootSymbol
                        && !_tracked.ContainsKey(rootSymbol))
                    {
                        var tracked = new Tracked(new ObjectState(builder), owned: false, isLambdaParameter: false);
                        foreach (var member in chain.Members)
                        {
                            tracked.State.Apply(member, index, out _);
                        }

                        _tracked[rootSymbol] = tracked;
                    }

                    break;
                }
        }
    }

    private static ISymbol? RootSymbol(IOperation? root) => root switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>
    /// Whether the block has a statement that may declare or use a builder: a cheap look before the real work. It runs
    /// on every block of the compilation, so it is plain loops with no allocation.
    /// </summary>
    private bool MayHaveBuilderStatements(IBlockOperation block)
    {
        foreach (var statement in block.Operations)
        {
            switch (statement)
            {
                case IVariableDeclarationGroupOperation group when DeclaresBuilder(group):
                case IExpressionStatementOperation { Operation: IInvocationOperation invocation }
                    when symbols.GetMessageType(invocation.TargetMethod.ContainingType) is { IsBuilder: true }:
                case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } }
                    when symbols.GetMessageType(local.Type) is { IsBuilder: true }:
                    return true;
            }
        }

        return false;
    }

    private bool DeclaresBuilder(IVariableDeclarationGroupOperation group)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                if (symbols.GetMessageType(declarator.Symbol.Type) is { IsBuilder: true })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Locals and parameters used inside the block's local functions, which may run at any call: never followed.</summary>
    private static HashSet<ISymbol> CapturedByLocalFunctions(IBlockOperation block)
    {
        var captured = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var localFunction in block.Operations.OfType<ILocalFunctionOperation>())
        {
            foreach (var operation in localFunction.Descendants())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        captured.Add(local.Local);
                        break;
                    case IParameterReferenceOperation parameter:
                        captured.Add(parameter.Parameter);
                        break;
                }
            }
        }

        return captured;
    }

    /// <summary>Whether <paramref name="operation"/> runs whenever <paramref name="statement"/> runs, at its top level.</summary>
    private static bool IsUnconditional(IOperation operation, IOperation statement)
    {
        var current = operation;
        while (!ReferenceEquals(current, statement))
        {
            var parent = current.Parent;
            switch (parent)
            {
                case null:
                    return false;
                case IConditionalOperation conditional when !ReferenceEquals(conditional.Condition, current):
                case ICoalesceOperation coalesce when !ReferenceEquals(coalesce.Value, current):
                case IConditionalAccessOperation access when !ReferenceEquals(access.Operation, current):
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary when !ReferenceEquals(binary.LeftOperand, current):
                case IBlockOperation or ILoopOperation or ISwitchOperation or ISwitchCaseOperation or ITryOperation or IUsingOperation
                    or ILockOperation or ILabeledOperation or IAnonymousFunctionOperation or ILocalFunctionOperation
                    or ISwitchExpressionOperation or ISwitchExpressionArmOperation or ICoalesceAssignmentOperation
                    or IIsPatternOperation or IUsingDeclarationOperation:
                    return false;
            }

            current = parent;
        }

        return true;
    }

    private sealed class Tracked(ObjectState state, bool owned, bool isLambdaParameter)
    {
        public ObjectState State { get; private set; } = state;

        public bool Owned { get; } = owned;

        public bool IsLambdaParameter { get; } = isLambdaParameter;

        /// <summary>Conflicts between statements, reported by <see cref="Flush"/> if they still hold then.</summary>
        public List<(MemberAssignment Member, MemberAssignment Other)> Pending { get; } = new();

        public void Reset() => State = new ObjectState(State.Type);
    }
}
