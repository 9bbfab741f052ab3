namespace HiringPlatform.Application.Common;

// PostgreSQL refuses U+0000 in text ("invalid byte sequence"), and an unpaired UTF-16 surrogate cannot be encoded
// as UTF-8 at all: either would turn a search box or a form into a 500. One rule for every text that reaches the
// database: the web model binder refuses such input with a message on the field, and the SaveChanges guard strips
// whatever still arrives by another path (extracted résumé text, file names, imports).
public static class StorableText
{
    public const string Refusal = "contains characters that cannot be stored (a NUL character or a broken Unicode sequence). Remove them and try again.";

    public static bool IsStorable(string? value)
    {
        if (value is null) return true;
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch == '\0') return false;
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(ch))
            {
                return false;
            }
        }
        return true;
    }

    // Drops NUL characters and unpaired surrogates; everything else is kept as it was.
    public static string Clean(string value)
    {
        if (IsStorable(value)) return value;
        var builder = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch == '\0') continue;
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    builder.Append(ch).Append(value[i + 1]);
                    i++;
                }
                continue;
            }
            if (char.IsLowSurrogate(ch)) continue;
            builder.Append(ch);
        }
        return builder.ToString();
    }
}
