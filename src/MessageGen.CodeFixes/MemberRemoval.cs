using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MessageGen.CodeFixes;

/// <summary>
/// Removes the setting of one member: a <c>.WithLink(url)</c> call from a chain (or the whole statement
/// <c>b.WithLink(url);</c>), or a <c>Link = url</c> assignment from an object initializer, keeping the layout of what is left.
/// </summary>
internal static class MemberRemoval
{
    /// <summary>The document without the member set at <paramref name="span"/>; unchanged when it is not a shape this knows.</summary>
    public static async Task<Document> RemoveAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newRoot = root is null ? null : Remove(root, span);
        return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
    }

    /// <summary>The root without the member set at <paramref name="span"/>, or null when it is not a shape this knows.</summary>
    public static SyntaxNode? Remove(SyntaxNode root, TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);

        var invocation = node.AncestorsAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax access && access.Name.SpanStart == span.Start && i.Span.End == span.End);
        if (invocation is not null)
        {
            return RemoveCall(root, invocation);
        }

        var assignment = node.AncestorsAndSelf()
            .OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Span == span && a.Parent is InitializerExpressionSyntax);
        if (assignment is not null)
        {
            var initializer = (InitializerExpressionSyntax)assignment.Parent!;
            return root.ReplaceNode(initializer, RemoveFromInitializer(initializer, assignment));
        }

        return null;
    }

    private static SyntaxNode? RemoveCall(SyntaxNode root, InvocationExpressionSyntax invocation)
    {
        var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        var isPlainReceiver = receiver is IdentifierNameSyntax or ThisExpressionSyntax;

        // b.WithLink(url);  →  (statement removed)
        if (isPlainReceiver && invocation.Parent is ExpressionStatementSyntax statement)
        {
            return RemoveStatement(root, statement);
        }

        // b = b.WithLink(url);  →  (statement removed)
        if (isPlainReceiver
            && invocation.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax assignmentStatement } assignment
            && assignment.Right == invocation
            && assignment.Left is IdentifierNameSyntax left
            && receiver is IdentifierNameSyntax right
            && left.Identifier.ValueText == right.Identifier.ValueText)
        {
            return RemoveStatement(root, assignmentStatement);
        }

        // x.WithId(id).WithLink(url).Build()  →  x.WithId(id).Build(); the receiver keeps its own line break, if any.
        var replacement = receiver.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
            ? receiver
            : receiver.WithTrailingTrivia(invocation.GetTrailingTrivia());
        return root.ReplaceNode(invocation, replacement);
    }

    private static SyntaxNode? RemoveStatement(SyntaxNode root, StatementSyntax statement)
    {
        if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
        {
            // The statement goes with its own line; comment lines above it stay, on the next statement.
            var leading = statement.GetLeadingTrivia();
            var lastLineBreak = -1;
            for (var i = 0; i < leading.Count; i++)
            {
                if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    lastLineBreak = i;
                }
            }

            var kept = leading.Take(lastLineBreak + 1).ToList();
            var newRoot = root.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            if (newRoot is null || !kept.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                return newRoot;
            }

            var next = newRoot.FindToken(statement.FullSpan.Start);
            return newRoot.ReplaceToken(next, next.WithLeadingTrivia(kept.Concat(next.LeadingTrivia)));
        }

        // if (c) b.WithLink(url);  →  if (c) { }
        return root.ReplaceNode(statement, SyntaxFactory.Block().WithTriviaFrom(statement));
    }

    private static InitializerExpressionSyntax RemoveFromInitializer(InitializerExpressionSyntax initializer, ExpressionSyntax removed)
    {
        var items = initializer.Expressions.GetWithSeparators();
        var index = items.IndexOf(removed);
        var hasNext = index + 1 < items.Count;
        if (hasNext)
        {
            // "Id = a, " or "    Id = a,\n": the item and the separator after it go.
            items = items.RemoveAt(index + 1).RemoveAt(index);
        }
        else if (index > 0)
        {
            // The last item with no separator after it: the separator before it goes, and the item's trailing
            // trivia (the space before '}' or the line break) moves to the item before.
            var previous = items[index - 2];
            items = items.Replace(previous, previous.WithTrailingTrivia(removed.GetTrailingTrivia()));
            items = items.RemoveAt(index).RemoveAt(index - 1);
        }
        else
        {
            items = items.RemoveAt(index);
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
    }
}
