using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MessageGen.Runtime.Benchmarks.SendBenchmarks).Assembly).Run(args);
