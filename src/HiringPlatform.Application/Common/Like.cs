namespace HiringPlatform.Application.Common;

// Search text goes into ILIKE patterns: escape the wildcards so "50%" finds "50%", not everything.
public static class Like
{
    public const string EscapeChar = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
