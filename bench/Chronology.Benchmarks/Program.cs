using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// On demand only, never in CI:
//   dotnet run -c Release --project bench/Chronology.Benchmarks -- --filter '*'
//   dotnet run -c Release --project bench/Chronology.Benchmarks -- --filter '*' --job short   (quicker, less precise)
// CHRONOLOGY_CONTENT=<folder> measures another content folder (default: the repository's content/).
// BenchmarkDotNet builds a project of its own before it measures; on a busy machine that takes longer than its
// default two minutes, so the build may take ten.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
