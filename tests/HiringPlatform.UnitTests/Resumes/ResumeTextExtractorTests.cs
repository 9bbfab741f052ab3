using HiringPlatform.ResumeExtractor;

namespace HiringPlatform.UnitTests.Resumes;

// The parser itself, in process: only files that cannot hurt the test host. The hostile ones run through the
// child process in the integration tests (HostileResumeTests).
public sealed class ResumeTextExtractorTests
{
    [Fact]
    public void Should_extract_text_from_a_pdf()
    {
        var result = ResumeParser.Parse(SampleFiles.Pdf("Maya Rodriguez", "Go and PostgreSQL", "Led the payments platform"), ResumeParser.Pdf);

        Assert.Equal(ParseOutcome.Text, result.Outcome);
        Assert.Contains("Maya Rodriguez", result.Text, StringComparison.Ordinal);
        Assert.Contains("Led the payments platform", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_extract_paragraphs_from_a_docx()
    {
        var result = ResumeParser.Parse(SampleFiles.Docx("Daniel Kim", "", "C# and .NET   distributed systems"), ResumeParser.Docx);

        Assert.Equal("Daniel Kim\nC# and .NET distributed systems", result.Text);
    }

    [Fact]
    public void Should_say_why_a_broken_or_unsupported_file_gave_no_text()
    {
        Assert.Equal(ParseOutcome.Damaged, ResumeParser.Parse("%PDF-1.7 garbage"u8.ToArray(), ResumeParser.Pdf).Outcome);
        Assert.Equal(ParseOutcome.Damaged, ResumeParser.Parse(SampleFiles.Zip(), ResumeParser.Docx).Outcome);
        Assert.Equal(ParseOutcome.Unsupported, ResumeParser.Parse(SampleFiles.Pdf("x"), "png").Outcome);
        Assert.Equal(ParseOutcome.NoText, ResumeParser.Parse(SampleFiles.Docx("   "), ResumeParser.Docx).Outcome);
    }

    [Fact]
    public void Should_refuse_a_package_whose_parts_declare_more_than_the_limits_before_inflating_them()
    {
        var docx = SampleFiles.Docx("Daniel Kim", "C# and .NET distributed systems");

        Assert.Equal(ParseOutcome.TooLarge, ResumeParser.Parse(docx, ResumeParser.Docx, new ParseLimits { MaxPartBytes = 100 }).Outcome);
        Assert.Equal(ParseOutcome.TooLarge, ResumeParser.Parse(docx, ResumeParser.Docx, new ParseLimits { MaxZipEntries = 2 }).Outcome);
        Assert.Equal(ParseOutcome.Text, ResumeParser.Parse(docx, ResumeParser.Docx).Outcome);
    }

    [Fact]
    public void Should_cap_the_text_and_the_pdf_pages_read()
    {
        var docx = SampleFiles.Docx(Enumerable.Range(0, 200).Select(i => $"Paragraph {i} about distributed systems").ToArray());

        Assert.Equal(50, ResumeParser.Parse(docx, ResumeParser.Docx, new ParseLimits { MaxChars = 50 }).Text!.Length);
        Assert.Equal(ParseOutcome.TooLarge,
            ResumeParser.Parse(docx, ResumeParser.Docx, new ParseLimits { MaxCharactersInPart = 500 }).Outcome);
    }
}
