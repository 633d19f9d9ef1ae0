using BenchmarkDotNet.Running;
using MessageGen.Analyzers.Benchmarks;

// "share" prints the analyzers' share of compile time from Roslyn's own analyzer telemetry.
if (args is ["share", ..])
{
    Console.WriteLine(await AnalyzerCostBenchmarks.MeasureShareAsync(warmUpRuns: 3, runs: 15));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(AnalyzerCostBenchmarks).Assembly).Run(args);
