using Npgsql;
using NpgsqlTypes;

namespace HiringPlatform.Bench.Data;

// A table the generator loads: its name and, in order, each column written by COPY with where its value
// comes from. Columns left out get their defaults; generated columns (candidates.search_vector) and
// system columns (xmin) must be left out.
internal sealed class TableSpec<TRow>(string name, params IColumn<TRow>[] columns)
{
    public string Name { get; } = name;
    public IReadOnlyList<IColumn<TRow>> Columns { get; } = columns;

    public string CopyCommand =>
        $"COPY {Sql.Quote(Name)} ({string.Join(", ", Columns.Select(c => Sql.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";

    public void Write(NpgsqlBinaryImporter importer, in TRow row)
    {
        importer.StartRow();
        foreach (var column in Columns) column.Write(importer, row);
    }
}

internal interface IColumn<TRow>
{
    string Name { get; }
    void Write(NpgsqlBinaryImporter importer, TRow row);
}

internal static class Col
{
    public static IColumn<TRow> Of<TRow, T>(string name, NpgsqlDbType type, Func<TRow, T> value) where T : notnull =>
        new ValueColumn<TRow, T>(name, type, value);

    public static IColumn<TRow> Null<TRow, T>(string name, NpgsqlDbType type, Func<TRow, T?> value) where T : struct =>
        new NullableColumn<TRow, T>(name, type, value);

    public static IColumn<TRow> Ref<TRow, T>(string name, NpgsqlDbType type, Func<TRow, T?> value) where T : class =>
        new RefColumn<TRow, T>(name, type, value);

    private sealed class ValueColumn<TRow, T>(string name, NpgsqlDbType type, Func<TRow, T> value) : IColumn<TRow> where T : notnull
    {
        public string Name => name;
        public void Write(NpgsqlBinaryImporter importer, TRow row) => importer.Write(value(row), type);
    }

    private sealed class NullableColumn<TRow, T>(string name, NpgsqlDbType type, Func<TRow, T?> value) : IColumn<TRow> where T : struct
    {
        public string Name => name;

        public void Write(NpgsqlBinaryImporter importer, TRow row)
        {
            var v = value(row);
            if (v is null) importer.WriteNull();
            else importer.Write(v.Value, type);
        }
    }

    private sealed class RefColumn<TRow, T>(string name, NpgsqlDbType type, Func<TRow, T?> value) : IColumn<TRow> where T : class
    {
        public string Name => name;

        public void Write(NpgsqlBinaryImporter importer, TRow row)
        {
            var v = value(row);
            if (v is null) importer.WriteNull();
            else importer.Write(v, type);
        }
    }
}

internal static class Sql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
