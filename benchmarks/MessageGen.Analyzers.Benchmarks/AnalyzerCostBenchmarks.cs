using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MessageGen.Analyzers.Benchmarks;

/// <summary>
/// The compiler's own work on a 500-file consumer (binding and diagnostics) against the same work with the
/// MessageGen analyzers attached. Each iteration starts from a fresh clone so nothing is cached between runs.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerCostBenchmarks
{
    private CSharpCompilation _compilation = null!;

    /// <summary>Fails unless the consumer compiles and the analyzers run and flag none of its correct code.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _compilation = ConsumerCompilation.Create();
        CheckCompiles(_compilation.GetDiagnostics());
        CheckFlaggedNothing(_compilation.Clone().WithAnalyzers(ConsumerCompilation.Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
    }

    [Benchmark(Baseline = true, Description = "Compiler diagnostics, no analyzers")]
    public int Compile() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>
    /// The analyzer driver's own cost (building the IOperation trees, dispatching callbacks), which a real build pays
    /// once for all its analyzers: the same registrations as the MessageGen analyzers, doing nothing.
    /// </summary>
    [Benchmark(Description = "Compiler diagnostics + do-nothing analyzer, same registrations")]
    public async Task<int> CompileWithDoNothingAnalyzer()
    {
        var withAnalyzers = _compilation.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer()));
        return (await withAnalyzers.GetAllDiagnosticsAsync()).Length;
    }

    [Benchmark(Description = "Compiler diagnostics + MessageGen analyzers")]
    public async Task<int> CompileWithAnalyzers()
    {
        var withAnalyzers = _compilation.Clone().WithAnalyzers(ConsumerCompilation.Analyzers);
        return (await withAnalyzers.GetAllDiagnosticsAsync()).Length;
    }

    /// <summary>
    /// The analyzers' own execution time as Roslyn measures it, against the compiler's time for the same compilation:
    /// binding with all its diagnostics (what the analyzers are held to), and a whole compile to a DLL.
    /// </summary>
    public static async Task<string> MeasureShareAsync(int warmUpRuns, int runs)
    {
        var compilation = ConsumerCompilation.Create();
        var bindTimes = new List<TimeSpan>();
        var emitTimes = new List<TimeSpan>();
        var perAnalyzer = ConsumerCompilation.Analyzers.ToDictionary(a => a.GetType().Name, _ => new List<TimeSpan>());
        var analyzerTimes = new List<TimeSpan>();
        for (var run = 0; run < warmUpRuns + runs; run++)
        {
            var measured = run >= warmUpRuns;

            // A collection owed by the previous step would otherwise be charged to whatever runs next.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var diagnostics = compilation.Clone().GetDiagnostics();
            var bind = clock.Elapsed;
            CheckCompiles(diagnostics);

            GC.Collect();
            clock.Restart();
            var emitted = compilation.Clone().Emit(Stream.Null);
            var emit = clock.Elapsed;
            if (!emitted.Success)
            {
                throw new InvalidOperationException("The consumer does not emit.");
            }

            GC.Collect();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.Clone().WithAnalyzers(ConsumerCompilation.Analyzers, options);
            CheckFlaggedNothing(await withAnalyzers.GetAnalyzerDiagnosticsAsync());

            if (!measured)
            {
                continue;
            }

            var total = TimeSpan.Zero;
            foreach (var analyzer in ConsumerCompilation.Analyzers)
            {
                var time = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
                perAnalyzer[analyzer.GetType().Name].Add(time);
                total += time;
            }

            bindTimes.Add(bind);
            emitTimes.Add(emit);
            analyzerTimes.Add(total);
        }

        var analyzers = Median(analyzerTimes);
        var lines = new List<string>
        {
            $"{ConsumerCompilation.FileCount} files, {warmUpRuns} warm-up runs, median of {runs}:",
            $"  compiler, binding and diagnostics   {Median(bindTimes).TotalMilliseconds,8:F1} ms",
            $"  compiler, whole compile (Emit)      {Median(emitTimes).TotalMilliseconds,8:F1} ms",
            $"  MessageGen analyzers                {analyzers.TotalMilliseconds,8:F1} ms (fastest {analyzerTimes.Min().TotalMilliseconds:F1}, slowest {analyzerTimes.Max().TotalMilliseconds:F1})",
        };
        lines.AddRange(perAnalyzer.Select(a => $"    {a.Key,-32}{Median(a.Value).TotalMilliseconds,8:F1} ms"));
        lines.Add($"  share of binding: {analyzers / Median(bindTimes):P1} (target at most 5%); of a whole compile: {analyzers / Median(emitTimes):P1}");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>A consumer that does not compile (the generator failed, say) would have the analyzers measure nothing.</summary>
    private static void CheckCompiles(ImmutableArray<Diagnostic> diagnostics)
    {
        if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InvalidOperationException("The consumer does not compile: " + error);
        }
    }

    private static void CheckFlaggedNothing(ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        if (!analyzerDiagnostics.IsEmpty)
        {
            throw new InvalidOperationException("The consumer's correct code was flagged: " + analyzerDiagnostics[0]);
        }
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);
}

/// <summary>Registers for the operations the MessageGen analyzers register for, and does nothing with them.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DoNothingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Block, OperationKind.SimpleAssignment);
    }
}
