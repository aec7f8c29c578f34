using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(56));
BenchmarkSwitcher.FromAssembly(typeof(NxtAIGen.Benchmarks.BenchmarkProviders).Assembly).Run(args, config);
