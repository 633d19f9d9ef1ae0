namespace MessageGen.Media;

/// <summary>The message of an exception that refuses a file: a heading, then a line per problem with its fix.</summary>
internal static class ProblemList
{
    public static string Describe(string heading, IEnumerable<MediaProblem> problems) =>
        heading + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => p.FixHint is null
            ? $"  [{p.Code}] {p.Message}"
            : $"  [{p.Code}] {p.Message} Fix: {p.FixHint}"));
}
