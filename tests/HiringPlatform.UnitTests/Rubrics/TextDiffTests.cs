using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Application.Features.Rubrics.Shared;

namespace HiringPlatform.UnitTests.Rubrics;

public sealed class TextDiffTests
{
    private static string Render(IEnumerable<DiffSegment> segments) => string.Concat(segments.Select(s => s.Kind switch
    {
        DiffKind.Added => $"[+{s.Text.TrimEnd()}]",
        DiffKind.Removed => $"[-{s.Text.TrimEnd()}]",
        _ => s.Text,
    }));

    [Fact]
    public void Should_mark_words_added_and_removed_between_versions()
    {
        var diff = TextDiff.Compare("Writes tests after the code.", "Writes tests before the code.");
        Assert.Equal("Writes tests [+before][-after]the code.", Render(diff));
    }

    [Fact]
    public void Should_keep_identical_text_as_one_unchanged_segment()
    {
        var diff = TextDiff.Compare("Same words here.", "Same words here.");
        Assert.Equal(DiffKind.Same, Assert.Single(diff).Kind);
    }

    [Fact]
    public void Should_handle_empty_texts()
    {
        Assert.Equal(DiffKind.Added, Assert.Single(TextDiff.Compare("", "New text")).Kind);
        Assert.Equal(DiffKind.Removed, Assert.Single(TextDiff.Compare("Old text", "")).Kind);
    }
}
