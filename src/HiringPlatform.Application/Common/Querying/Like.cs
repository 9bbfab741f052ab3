namespace HiringPlatform.Application.Common.Querying;

// ILIKE patterns from user input: % and _ typed by the user are matched literally.
public static class Like
{
    public static string Contains(string text) =>
        "%" + text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
