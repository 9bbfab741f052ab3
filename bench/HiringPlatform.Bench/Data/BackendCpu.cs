using System.Globalization;
using Npgsql;

namespace HiringPlatform.Bench.Data;

// CPU seconds a connection's PostgreSQL backend has used, from /proc (the server runs on this machine). The
// machine is shared, so wall-clock load times swing with everyone else's builds; the backends' CPU time says
// what the load itself costs.
internal static class BackendCpu
{
    public static double Of(NpgsqlConnection connection)
    {
        try
        {
            using var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
            var pid = (int)cmd.ExecuteScalar()!;
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ": state is field 0, utime field 11, stime field 12 (clock ticks, 100 a second).
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or NpgsqlException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
