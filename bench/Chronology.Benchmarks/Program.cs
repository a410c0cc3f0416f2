using BenchmarkDotNet.Running;

// On demand only, never in CI:
//   dotnet run -c Release --project bench/Chronology.Benchmarks -- --filter '*'
//   dotnet run -c Release --project bench/Chronology.Benchmarks -- --filter '*' --job short   (quicker, less precise)
// CHRONOLOGY_CONTENT=<folder> measures another content folder (default: the repository's content/).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
