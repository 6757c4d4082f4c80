using System.Globalization;
using BenchmarkDotNet.Running;
using BlogSite.Benchmarks;
using BlogSite.Testing;

// `generate N FILE [EDITION]` writes a recipe of N realistic posts; `import N` measures a whole recipe import;
// `load …` is the load harness (tests/load/run.sh starts it); anything else goes to BenchmarkDotNet's switcher.
switch (args)
{
    case ["generate", var count, var file, ..]:
        GeneratedRecipe.Write(file, int.Parse(count, CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        return 0;
    case ["load", ..]:
        return await BlogSite.Benchmarks.Load.LoadHarness.RunAsync(args[1..]);
    case ["import", ..]:
        return await ImportBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmark).Assembly).Run(args);
        return 0;
}
