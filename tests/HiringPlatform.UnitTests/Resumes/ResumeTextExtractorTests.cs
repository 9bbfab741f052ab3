using HiringPlatform.Application.Common.Files;
using HiringPlatform.Infrastructure.Resumes;

namespace HiringPlatform.UnitTests.Resumes;

public sealed class ResumeTextExtractorTests
{
    private readonly ResumeTextExtractor _extractor = new();

    [Fact]
    public void Should_extract_text_from_a_pdf()
    {
        var text = _extractor.Extract(SampleFiles.Pdf("Maya Rodriguez", "Go and PostgreSQL", "Led the payments platform"), ResumeFile.PdfContentType);

        Assert.NotNull(text);
        Assert.Contains("Maya Rodriguez", text, StringComparison.Ordinal);
        Assert.Contains("Led the payments platform", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_extract_paragraphs_from_a_docx()
    {
        var text = _extractor.Extract(SampleFiles.Docx("Daniel Kim", "", "C# and .NET   distributed systems"), ResumeFile.DocxContentType);

        Assert.Equal("Daniel Kim\nC# and .NET distributed systems", text);
    }

    [Fact]
    public void Should_return_nothing_for_broken_or_unsupported_files()
    {
        Assert.Null(_extractor.Extract("%PDF-1.7 garbage"u8.ToArray(), ResumeFile.PdfContentType));
        Assert.Null(_extractor.Extract(SampleFiles.Zip(), ResumeFile.DocxContentType));
        Assert.Null(_extractor.Extract(SampleFiles.Pdf("x"), "image/png"));
    }
}
