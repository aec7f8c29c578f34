using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(NxtAIGen.Benchmarks.OpenAIStreamBenchmarks).Assembly).Run(args);
