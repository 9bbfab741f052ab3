using System.Text.RegularExpressions;

namespace HiringPlatform.Application.Features.Rubrics.Shared;

public enum DiffKind { Same, Added, Removed }

public sealed record DiffSegment(DiffKind Kind, string Text);

// Word-level difference between two versions of a text, for the competency history: readers see which words
// changed in a level descriptor instead of comparing two paragraphs by eye.
public static partial class TextDiff
{
    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Words();

    public static IReadOnlyList<DiffSegment> Compare(string before, string after)
    {
        var a = Words().Matches(before).Select(m => m.Value).ToArray();
        var b = Words().Matches(after).Select(m => m.Value).ToArray();

        // Longest common subsequence over words (texts are at most 2,000 characters, so a few hundred words).
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = Same(a[i], b[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var segments = new List<DiffSegment>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && Same(a[x], b[y])) { Add(segments, DiffKind.Same, b[y]); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { Add(segments, DiffKind.Added, b[y]); y++; }
            else { Add(segments, DiffKind.Removed, a[x]); x++; }
        }
        return segments;
    }

    private static bool Same(string a, string b) => string.Equals(a.TrimEnd(), b.TrimEnd(), StringComparison.Ordinal);

    // Runs of the same kind merge into one segment, so the page renders a few spans, not one per word.
    private static void Add(List<DiffSegment> segments, DiffKind kind, string word)
    {
        if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + word };
        else segments.Add(new DiffSegment(kind, word));
    }
}
