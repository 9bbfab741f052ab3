using HiringPlatform.Application.Common.Files;

namespace HiringPlatform.UnitTests.Resumes;

public sealed class ResumeFileTests
{
    [Fact]
    public void Should_recognise_pdf_and_docx_by_content()
    {
        Assert.Equal(ResumeFormat.Pdf, ResumeFile.Detect(SampleFiles.Pdf("Jane")));
        Assert.Equal(ResumeFormat.Docx, ResumeFile.Detect(SampleFiles.Docx("Jane")));
    }

    [Fact]
    public void Should_refuse_other_content_whatever_it_is_called()
    {
        Assert.Null(ResumeFile.Detect(SampleFiles.Png()));
        Assert.Null(ResumeFile.Detect(SampleFiles.Zip()));
        Assert.Null(ResumeFile.Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
        Assert.Null(ResumeFile.Detect("%PD"u8.ToArray()));
        Assert.Null(ResumeFile.Detect([]));
        Assert.Null(ResumeFile.Detect(null));
    }

    // Staff uploads and the careers form share this one detector; a zip with a document part but no
    // [Content_Types].xml is not an Open XML package (the staff path refused it before, the careers path took it).
    [Fact]
    public void Should_refuse_a_zip_that_is_not_an_open_xml_package()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, true))
            zip.CreateEntry("word/document.xml");

        Assert.Null(ResumeFile.Detect(stream.ToArray()));
        Assert.Equal(ResumeFile.DocxContentType, ResumeFile.DetectContentType(SampleFiles.Docx("Jane")));
        Assert.Equal(ResumeFile.PdfContentType, ResumeFile.DetectContentType(SampleFiles.Pdf("Jane")));
    }

    [Theory]
    [InlineData("Jane Doe CV.pdf", ResumeFormat.Pdf, "Jane Doe CV.pdf")]
    [InlineData(@"C:\Users\jane\résumé (final).PDF", ResumeFormat.Pdf, "résumé (final).pdf")]
    [InlineData("../../etc/passwd", ResumeFormat.Docx, "passwd.docx")]
    [InlineData("cv.pdf", ResumeFormat.Docx, "cv.docx")]
    [InlineData("<script>.pdf", ResumeFormat.Pdf, "script.pdf")]
    [InlineData("", ResumeFormat.Pdf, "resume.pdf")]
    [InlineData(null, ResumeFormat.Docx, "resume.docx")]
    public void Should_make_a_safe_file_name_with_the_extension_of_the_content(string? claimed, ResumeFormat format, string expected) =>
        Assert.Equal(expected, ResumeFile.SafeFileName(claimed, format));
}
