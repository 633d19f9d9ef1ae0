using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MessageGen.Benchmarks.SerializationBenchmarks).Assembly).Run(args);
