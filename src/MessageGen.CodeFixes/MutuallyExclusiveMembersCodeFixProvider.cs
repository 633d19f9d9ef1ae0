using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using MessageGen.Analyzers.Rules;
using MessageGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MessageGen.CodeFixes;

/// <summary>MG0001: "Keep 'id', remove 'link'" and "Keep 'link', remove 'id'".</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MutuallyExclusiveMembersCodeFixProvider))]
[Shared]
public sealed class MutuallyExclusiveMembersCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MutuallyExclusiveMembers);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>The equivalence key of "keep <paramref name="kept"/>, remove <paramref name="removed"/>", shared by every diagnostic it fixes.</summary>
    public static string EquivalenceKey(string kept, string removed) => $"{DiagnosticIds.MutuallyExclusiveMembers}:Keep:{kept}:Remove:{removed}";

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UsageRules.MemberProperty, out var member)
                || !diagnostic.Properties.TryGetValue(UsageRules.OtherMemberProperty, out var other)
                || member is null
                || other is null
                || diagnostic.AdditionalLocations.Count == 0)
            {
                continue;
            }

            var document = context.Document;
            var memberSpan = diagnostic.Location.SourceSpan;
            var otherLocation = diagnostic.AdditionalLocations[0];
            context.RegisterCodeFix(
                CodeAction.Create($"Keep '{other}', remove '{member}'", ct => MemberRemoval.RemoveAsync(document, memberSpan, ct), EquivalenceKey(other, member)),
                diagnostic);
            if (otherLocation.IsInSource && otherLocation.SourceTree == diagnostic.Location.SourceTree)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Keep '{member}', remove '{other}'", ct => MemberRemoval.RemoveAsync(document, otherLocation.SourceSpan, ct), EquivalenceKey(member, other)),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
