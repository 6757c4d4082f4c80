using BenchmarkDotNet.Running;
using BlogSite.Benchmarks;

// `import N` measures a whole recipe import; anything else goes to BenchmarkDotNet's switcher.
if (args is ["import", ..])
{
    return await ImportBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmark).Assembly).Run(args);
return 0;
