using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MessageGen.Analyzers.Rules;

/// <summary>What the MG0xxx rules share.</summary>
internal static class UsageRules
{
    /// <summary>The category of every MG0xxx rule.</summary>
    public const string Category = "MessageGen.Usage";

    /// <summary>Diagnostic property: the JSON name of the member the diagnostic is reported at.</summary>
    public const string MemberProperty = "Member";

    /// <summary>Diagnostic property: the JSON name of the other member involved (MG0001).</summary>
    public const string OtherMemberProperty = "OtherMember";

    /// <summary>Every MG0xxx descriptor.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        MutuallyExclusiveMembersRule.Descriptor,
        DependentMemberWithoutDependencyRule.Descriptor,
        RequiredMemberMissingRule.Descriptor,
        ConstantLengthOutOfRangeRule.Descriptor,
        ConstantPatternMismatchRule.Descriptor,
        ConstantNotHttpsUriRule.Descriptor,
        ConstantOutOfNumericRangeRule.Descriptor,
        ConstantNotAllowedValueRule.Descriptor,
        TemplateLanguageNotApprovedRule.Descriptor,
        TemplatePartMissingRule.Descriptor,
        TemplatePartNotTakenRule.Descriptor);
}
