using HiringPlatform.Bench;
using HiringPlatform.Bench.Data;

// Entry point of the benchmark tooling (driven by ./build.sh bench-data, bench and bench-smoke):
//   data   --set small|large --server <connection string> --web-dll <HiringPlatform.Web.dll> [--database name]
//   run    see Harness/RunOptions.cs
//   report --dir <run folder> --out <results folder>
var command = args.FirstOrDefault() ?? "";
var options = Args.Parse(args.Skip(1));
try
{
    switch (command)
    {
        case "data":
            var spec = BenchSpec.Named(options.Required("set"));
            var database = options.Optional("database") ?? spec.DatabaseName;
            var result = await BenchDatabase.EnsureAsync(options.Required("server"), spec, options.Required("web-dll"), Console.Out, database);
            Console.WriteLine($"[bench-data] database {database}: {(result.Reused ? "reused" : "loaded")}");
            return 0;
        case "run":
            return await HiringPlatform.Bench.Harness.Runner.RunAsync(options);
        case "report":
            return HiringPlatform.Bench.Harness.Report.Write(options);
        default:
            Console.Error.WriteLine("usage: HiringPlatform.Bench data|run|report [--option value ...]");
            return 2;
    }
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine($"[bench] error: {ex.Message}");
    return 1;
}

namespace HiringPlatform.Bench
{
    public sealed class Args
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public static Args Parse(IEnumerable<string> args)
        {
            var result = new Args();
            string? key = null;
            foreach (var a in args)
            {
                if (a.StartsWith("--", StringComparison.Ordinal))
                {
                    if (key is not null) result._values[key] = "true";
                    key = a[2..];
                }
                else if (key is not null)
                {
                    result._values[key] = a;
                    key = null;
                }
                else
                {
                    throw new ArgumentException($"Unexpected argument '{a}'.");
                }
            }
            if (key is not null) result._values[key] = "true";
            return result;
        }

        public string Required(string name) =>
            _values.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new ArgumentException($"Missing --{name}.");

        public string? Optional(string name) => _values.GetValueOrDefault(name);

        public bool Flag(string name) => _values.GetValueOrDefault(name) == "true";

        public int Int(string name, int fallback) =>
            _values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
