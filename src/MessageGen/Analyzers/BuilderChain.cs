using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MessageGen.Analyzers;

/// <summary>
/// A fluent chain of generated <c>With...</c> calls on one builder, e.g. <c>VideoMedia.Builder().WithId(a).WithLink(b)</c>.
/// Every <c>With...</c> method returns the same builder, so all the calls in a chain set members on one object.
/// </summary>
internal sealed class BuilderChain(IOperation? root, IOperation top, List<MemberAssignment> members, MessageType? builder)
{
    /// <summary>The receiver of the first call: <c>VideoMedia.Builder()</c>, a local, a lambda parameter, ...</summary>
    public IOperation? Root { get; } = root;

    /// <summary>The last call of the chain (or the root itself when there is no call).</summary>
    public IOperation Top { get; } = top;

    /// <summary>The members set, in execution order.</summary>
    public List<MemberAssignment> Members { get; } = members;

    public MessageType? Builder { get; } = builder;

    /// <summary>Reads the chain that ends at <paramref name="top"/>, following each call's receiver down to the root.</summary>
    public static BuilderChain FromTop(IOperation top, SchemaSymbols symbols, CancellationToken cancellationToken)
    {
        var members = new List<MemberAssignment>();
        MessageType? builder = null;
        IOperation? root = top;
        while (root is IInvocationOperation invocation && symbols.TryGetBuilderMember(invocation.TargetMethod, out var type, out var member))
        {
            builder = type;
            members.Add(MemberAssignment.FromInvocation(invocation, member, cancellationToken));
            root = invocation.Instance;
        }

        members.Reverse();
        return new BuilderChain(root, top, members, builder ?? symbols.GetMessageType(root?.Type));
    }

    /// <summary>Climbs from a receiver (e.g. a local reference) through the <c>With...</c> calls made on it.</summary>
    public static IOperation ClimbFrom(IOperation receiver, SchemaSymbols symbols)
    {
        var current = receiver;
        while (current.Parent is IInvocationOperation parent
            && ReferenceEquals(parent.Instance, current)
            && symbols.TryGetBuilderMember(parent.TargetMethod, out _, out _))
        {
            current = parent;
        }

        return current;
    }

    /// <summary>
    /// Whether <paramref name="root"/> is a builder nobody else has seen: <c>new VideoMediaBuilder()</c> or a
    /// generated model's static <c>Builder()</c>.
    /// </summary>
    public static bool IsFreshBuilder(IOperation? root, SchemaSymbols symbols)
    {
        if (root is null)
        {
            return false;
        }

        root = MemberAssignment.SkipConversions(root);
        switch (root)
        {
            case IObjectCreationOperation { Arguments.Length: 0, Initializer: null } creation:
                return symbols.GetMessageType(creation.Type) is { IsBuilder: true };
            case IInvocationOperation { TargetMethod: { IsStatic: true, Parameters.Length: 0, Name: "Builder" } method }:
                return symbols.GetMessageType(method.ContainingType) is { IsBuilder: false }
                    && symbols.GetMessageType(method.ReturnType) is { IsBuilder: true };
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="lambda"/> is the argument of a generated <c>WithVideo(Func&lt;VideoMediaBuilder, VideoMediaBuilder&gt;)</c>:
    /// the generated method passes it a new builder and builds what the lambda returns.
    /// </summary>
    public static bool IsFreshBuilderLambda(IAnonymousFunctionOperation lambda, SchemaSymbols symbols, out IParameterSymbol parameter, out MessageType builder)
    {
        parameter = null!;
        builder = null!;
        if (lambda.Symbol.Parameters.Length != 1
            || lambda.Parent is not IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation invocation } }
            || !symbols.TryGetBuilderMember(invocation.TargetMethod, out _, out _))
        {
            return false;
        }

        var type = symbols.GetMessageType(lambda.Symbol.Parameters[0].Type);
        if (type is null || !type.IsBuilder)
        {
            return false;
        }

        parameter = lambda.Symbol.Parameters[0];
        builder = type;
        return true;
    }
}
