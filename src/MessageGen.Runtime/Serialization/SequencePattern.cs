namespace MessageGen.Serialization;

/// <summary>
/// A matcher without a regular expression engine for the most common schema patterns: anchored at both ends
/// (<c>^...$</c>), a sequence of single characters, escapes such as <c>\d</c> or <c>\+</c> and classes such as
/// <c>[a-z0-9_]</c>, each with an optional quantifier (<c>? * + {n} {n,} {n,m}</c>). Matching is greedy, one pass,
/// which is exact only when no character can be taken by an atom and by one that may follow it; <see cref="TryCreate"/>
/// accepts only such patterns, so <c>^\+?[0-9]{6,15}$</c> is one and <c>^a?ab$</c> is left to the regular expression.
/// </summary>
internal sealed class SequencePattern
{
    private readonly Atom[] _atoms;

    private SequencePattern(Atom[] atoms) => _atoms = atoms;

    /// <summary>The matcher of an ECMA-262 <paramref name="pattern"/>, or null when it is not of the simple kind.</summary>
    public static SequencePattern? TryCreate(string pattern)
    {
        if (pattern.Length < 2 || pattern[0] != '^' || pattern[^1] != '$' || IsEscaped(pattern, pattern.Length - 1))
        {
            return null;
        }

        var atoms = new List<Atom>();
        var at = 1;
        var end = pattern.Length - 1;
        while (at < end)
        {
            if (ReadSet(pattern, ref at, end) is not { } set || !TryReadQuantifier(pattern, ref at, end, out var min, out var max))
            {
                return null;
            }

            atoms.Add(new Atom(set, min, max));
        }

        return IsGreedyExact(atoms) ? new SequencePattern(atoms.ToArray()) : null;
    }

    /// <summary>Whether all of <paramref name="value"/> matches.</summary>
    public bool IsMatch(string value)
    {
        var at = 0;
        foreach (var atom in _atoms)
        {
            var count = 0;
            while (count < atom.Max && at < value.Length && atom.Set.Contains(value[at]))
            {
                at++;
                count++;
            }

            if (count < atom.Min)
            {
                return false;
            }
        }

        return at == value.Length;
    }

    /// <summary>
    /// Greedy matching is exact when each atom's characters differ from those of every atom that can come right after
    /// it (the next one, and past it while the atoms in between may match nothing).
    /// </summary>
    private static bool IsGreedyExact(List<Atom> atoms)
    {
        for (var i = 0; i < atoms.Count; i++)
        {
            for (var j = i + 1; j < atoms.Count; j++)
            {
                if (atoms[i].Set.Overlaps(atoms[j].Set))
                {
                    return false;
                }

                if (atoms[j].Min > 0)
                {
                    break;
                }
            }
        }

        return true;
    }

    private static CharSet? ReadSet(string pattern, ref int at, int end)
    {
        var c = pattern[at++];
        switch (c)
        {
            case '[':
                return ReadClass(pattern, ref at, end);
            case '\\':
                return at < end ? ReadEscape(pattern[at++]) : null;
            case '.' or '^' or '$' or '|' or '(' or ')' or ']' or '{' or '}' or '*' or '+' or '?':
                return null;
            default:
                return c < 128 ? CharSet.Of(c) : null;
        }
    }

    /// <summary><c>\d</c>, <c>\w</c> and escaped characters; other escapes (<c>\s</c>, <c>\b</c>, <c>\u</c>...) are left to the regex.</summary>
    private static CharSet? ReadEscape(char escaped) => escaped switch
    {
        'd' => CharSet.Range('0', '9'),
        'w' => CharSet.Range('a', 'z').Union(CharSet.Range('A', 'Z')).Union(CharSet.Range('0', '9')).Union(CharSet.Of('_')),
        _ => EscapedCharacter(escaped) is { } c ? CharSet.Of(c) : null,
    };

    private static CharSet? ReadClass(string pattern, ref int at, int end)
    {
        var negated = at < end && pattern[at] == '^';
        at += negated ? 1 : 0;
        if (at >= end || pattern[at] == ']')
        {
            // ECMA-262's empty classes ([] and [^]) are left to the regular expression, so that both agree.
            return null;
        }

        var set = CharSet.Empty;
        while (at < end && pattern[at] != ']')
        {
            if (ReadClassMember(pattern, ref at, end) is not { } member)
            {
                return null;
            }

            set = set.Union(member);
        }

        if (at >= end)
        {
            return null;
        }

        at++;
        return negated ? set.Complement() : set;
    }

    private static CharSet? ReadClassMember(string pattern, ref int at, int end)
    {
        if (ReadClassCharacter(pattern, ref at, end) is not { } low)
        {
            // \d and \w stand for sets, and cannot start a range.
            return pattern[at - 1] is 'd' or 'w' && pattern[at - 2] == '\\' ? ReadEscape(pattern[at - 1]) : null;
        }

        if (at + 1 < end && pattern[at] == '-' && pattern[at + 1] != ']')
        {
            at++;
            if (ReadClassCharacter(pattern, ref at, end) is not { } high || high < low)
            {
                return null;
            }

            return CharSet.Range(low, high);
        }

        return CharSet.Of(low);
    }

    /// <summary>One literal character of a class (escaped punctuation included); null for anything else, with <paramref name="at"/> past it.</summary>
    private static char? ReadClassCharacter(string pattern, ref int at, int end)
    {
        var c = pattern[at++];
        if (c == '\\')
        {
            if (at >= end)
            {
                return null;
            }

            var escaped = pattern[at++];
            return EscapedCharacter(escaped);
        }

        return c < 128 && c != '[' ? c : null;
    }

    private static bool TryReadQuantifier(string pattern, ref int at, int end, out int min, out int max)
    {
        (min, max) = (1, 1);
        if (at < end)
        {
            switch (pattern[at])
            {
                case '?': (min, max) = (0, 1); at++; break;
                case '*': (min, max) = (0, int.MaxValue); at++; break;
                case '+': (min, max) = (1, int.MaxValue); at++; break;
                case '{':
                    if (!TryReadBraces(pattern, ref at, end, out min, out max))
                    {
                        return false;
                    }

                    break;
            }
        }

        // A lazy or a second quantifier is left to the regex.
        return at >= end || pattern[at] is not ('?' or '*' or '+' or '{');
    }

    private static bool TryReadBraces(string pattern, ref int at, int end, out int min, out int max)
    {
        max = -1;
        var close = pattern.IndexOf('}', at);
        if (close < 0 || close >= end)
        {
            min = 0;
            return false;
        }

        var bounds = pattern.Substring(at + 1, close - at - 1).Split(',');
        at = close + 1;
        if (bounds.Length > 2 || !int.TryParse(bounds[0], System.Globalization.NumberStyles.None, null, out min))
        {
            min = 0;
            return false;
        }

        if (bounds.Length == 1)
        {
            max = min;
            return true;
        }

        if (bounds[1].Length == 0)
        {
            max = int.MaxValue;
            return true;
        }

        return int.TryParse(bounds[1], System.Globalization.NumberStyles.None, null, out max) && max >= min;
    }

    /// <summary>The character an escape stands for: a control escape (<c>\n</c>) or escaped punctuation (<c>\+</c>); null for others.</summary>
    private static char? EscapedCharacter(char escaped) => escaped switch
    {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'f' => '\f',
        'v' => '\v',
        _ when escaped < 128 && (char.IsPunctuation(escaped) || char.IsSymbol(escaped)) => escaped,
        _ => null,
    };

    private static bool IsEscaped(string pattern, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && pattern[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private readonly record struct Atom(CharSet Set, int Min, int Max);

    /// <summary>A set of UTF-16 code units: the ASCII ones by bit, the rest all in or all out.</summary>
    private readonly record struct CharSet(ulong Low, ulong High, bool OtherChars)
    {
        public static CharSet Empty => default;

        public static CharSet Of(char c) => Range(c, c);

        public static CharSet Range(char low, char high)
        {
            var set = Empty;
            for (var c = low; c <= high; c++)
            {
                set = c < 64 ? set with { Low = set.Low | (1UL << c) } : set with { High = set.High | (1UL << (c - 64)) };
            }

            return set;
        }

        public bool Contains(char c) => c < 64 ? (Low & (1UL << c)) != 0 : c < 128 ? (High & (1UL << (c - 64))) != 0 : OtherChars;

        public CharSet Union(CharSet other) => new(Low | other.Low, High | other.High, OtherChars || other.OtherChars);

        public CharSet Complement() => new(~Low, ~High, !OtherChars);

        public bool Overlaps(CharSet other) => (Low & other.Low) != 0 || (High & other.High) != 0 || (OtherChars && other.OtherChars);
    }
}
