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

    [GlobalSetup]
    public void Setup() => _compilation = ConsumerCompilation.Create();

    [Benchmark(Baseline = true, Description = "Compiler diagnostics, no analyzers")]
    public int Compile() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "Compiler diagnostics + MessageGen analyzers")]
    public async Task<int> CompileWithAnalyzers()
    {
        var withAnalyzers = _compilation.Clone().WithAnalyzers(ConsumerCompilation.Analyzers);
        return (await withAnalyzers.GetAllDiagnosticsAsync()).Length;
    }

    /// <summary>The analyzers' own execution time as Roslyn measures it, against the compiler's time for the same compilation.</summary>
    public static async Task<string> MeasureShareAsync(int runs)
    {
        var compilation = ConsumerCompilation.Create();
        var compilerTimes = new List<TimeSpan>();
        var analyzerTimes = new List<TimeSpan>();
        for (var run = 0; run < runs; run++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var diagnostics = compilation.Clone().GetDiagnostics();
            compilerTimes.Add(clock.Elapsed);
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new InvalidOperationException("The consumer does not compile: " + diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
            }

            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.Clone().WithAnalyzers(ConsumerCompilation.Analyzers, options);
            var found = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            var total = TimeSpan.Zero;
            foreach (var analyzer in ConsumerCompilation.Analyzers)
            {
                total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
            }

            if (!found.IsEmpty)
            {
                throw new InvalidOperationException("The consumer's correct code was flagged: " + found[0]);
            }

            analyzerTimes.Add(total);
        }

        var compiler = Median(compilerTimes);
        var analyzers = Median(analyzerTimes);
        return $"{ConsumerCompilation.FileCount} files, median of {runs} runs: compiler {compiler.TotalMilliseconds:F0} ms, " +
            $"MessageGen analyzers {analyzers.TotalMilliseconds:F1} ms = {analyzers / compiler:P1} of compile time (target at most 5%).";
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);
}
