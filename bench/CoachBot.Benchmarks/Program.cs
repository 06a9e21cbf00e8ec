using BenchmarkDotNet.Running;

// Every benchmark in this assembly; BenchmarkDotNet's command line picks them (--filter) and the job (--job short|dry).
BenchmarkSwitcher.FromAssembly(typeof(CoachBot.Benchmarks.RubricGraderBenchmarks).Assembly).Run(args);
