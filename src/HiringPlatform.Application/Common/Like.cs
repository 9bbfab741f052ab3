namespace HiringPlatform.Application.Common;

// Search text goes into ILIKE patterns: escape the wildcards so "50%" finds "50%", not everything.
// The one escaper: pass EscapeChar to EF.Functions.ILike with every pattern built here.
public static class Like
{
    public const string EscapeChar = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    // "contains", for a search box: the trimmed text anywhere in the value.
    public static string Contains(string text) => "%" + Escape(text.Trim()) + "%";
}
