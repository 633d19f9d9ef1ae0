using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace MessageGen.Analyzers;

/// <summary>
/// What is known to be set on one object: a builder followed through a chain or straight-line statements, or a
/// model's object initializer. Members are applied in execution order; each remembers the segment (statement) that set it.
/// </summary>
internal sealed class ObjectState(MessageType type)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _order;

    public MessageType Type { get; } = type;

    /// <summary>
    /// Applies <paramref name="assignment"/>. When it completes an <c>ExactlyOneOf</c> alternative while another
    /// alternative is already complete, returns the member of that other alternative it conflicts with.
    /// </summary>
    public MemberAssignment? Apply(MemberAssignment assignment, int segment, out int conflictSegment)
    {
        conflictSegment = -1;
        if (assignment.IsCleared)
        {
            _entries.Remove(assignment.JsonName);
            return null;
        }

        _entries[assignment.JsonName] = new Entry(assignment, segment, ++_order);
        foreach (var group in Type.ExactlyOneOf)
        {
            foreach (var alternative in group)
            {
                if (!alternative.Contains(assignment.JsonName, StringComparer.Ordinal) || !IsPresent(alternative))
                {
                    continue;
                }

                foreach (var other in group)
                {
                    if (other == alternative || other.All(m => alternative.Contains(m, StringComparer.Ordinal)) || !IsPresent(other))
                    {
                        continue;
                    }

                    // Only certainly-set members conflict. Asking may cost a flow analysis, so it comes last.
                    if (!IsCertainlySet(alternative) || !IsCertainlySet(other))
                    {
                        continue;
                    }

                    var partner = other
                        .Where(m => !alternative.Contains(m, StringComparer.Ordinal))
                        .Select(m => _entries[m])
                        .OrderByDescending(e => e.Order)
                        .First();
                    conflictSegment = partner.Segment;
                    return partner.Assignment;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="assignment"/> still holds its member: no later assignment replaced or cleared it. A conflict
    /// found by <see cref="Apply"/> is real only while both of its assignments are current, so that
    /// <c>WithId(id).WithLink(url).WithId(null)</c>, which ends with the link alone, is not flagged.
    /// </summary>
    public bool IsCurrent(MemberAssignment assignment)
        => _entries.TryGetValue(assignment.JsonName, out var entry) && ReferenceEquals(entry.Assignment, assignment);

    /// <summary>The dependencies broken by members that are certainly set: the dependent member and the missing ones.</summary>
    public IEnumerable<(MemberAssignment Member, Dependency Rule, ImmutableArray<string> Missing)> BrokenDependencies()
    {
        foreach (var rule in Type.Dependencies)
        {
            if (!_entries.TryGetValue(rule.Member, out var entry))
            {
                continue;
            }

            var missing = rule.Requires.Where(r => !_entries.ContainsKey(r)).ToImmutableArray();
            if (missing.Length == 0 || (!rule.RequiresAll && missing.Length < rule.Requires.Length) || entry.Assignment.Presence != Presence.Set)
            {
                continue;
            }

            yield return (entry.Assignment, rule, missing);
        }
    }

    /// <summary>Required members that are certainly missing (C# <c>required</c> ones only when <paramref name="includeCSharpRequired"/>).</summary>
    public IEnumerable<string> MissingRequired(bool includeCSharpRequired)
        => Type.Required
            .Where(r => (includeCSharpRequired || !r.IsCSharpRequired) && !_entries.ContainsKey(r.JsonName))
            .Select(r => r.JsonName);

    /// <summary>The <c>ExactlyOneOf</c> groups none of whose alternatives can be complete.</summary>
    public IEnumerable<ImmutableArray<ImmutableArray<string>>> UnsatisfiedExactlyOneOf()
        => Type.ExactlyOneOf.Where(group => !group.Any(IsPresent));

    /// <summary>Whether every member of <paramref name="alternative"/> is at least maybe set (cleared ones are never kept).</summary>
    private bool IsPresent(ImmutableArray<string> alternative) => alternative.All(_entries.ContainsKey);

    private bool IsCertainlySet(ImmutableArray<string> alternative) => alternative.All(m => _entries[m].Assignment.Presence == Presence.Set);

    private readonly struct Entry(MemberAssignment assignment, int segment, int order)
    {
        public MemberAssignment Assignment { get; } = assignment;

        public int Segment { get; } = segment;

        public int Order { get; } = order;
    }
}
