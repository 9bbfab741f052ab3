using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Features.Careers;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Wp = DocumentFormat.OpenXml.Wordprocessing;

namespace HiringPlatform.Testing;

// Real, small résumé files made in the test (PdfPig writes the PDF, the Open XML SDK the DOCX), plus the
// wrong-content files the upload checks must refuse.
public static class TestResumes
{
    public static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 780.0;
        foreach (var line in lines.Length > 0 ? lines : ["Jane Doe", "Senior Backend Engineer"])
        {
            page.AddText(line, 12, new PdfPoint(50, y), font);
            y -= 18;
        }
        return builder.Build();
    }

    public static byte[] Docx(params string[] lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Wp.Document(new Wp.Body(lines.Select(l => new Wp.Paragraph(new Wp.Run(new Wp.Text(l))))));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    // PNG signature and a little more: an image, whatever the file is called.
    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    // A ZIP that is not a Word document (no word/document.xml).
    public static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            entry.Write("not a résumé");
        }
        return stream.ToArray();
    }

    public static UploadedFile Upload(byte[] content, string fileName = "resume.pdf", string contentType = "application/pdf") =>
        new(fileName, contentType, content.LongLength, content);

    // A complete, valid application to the posting; answers the template's default screening questions.
    public static async Task<ApplyToPosting.Command> ApplicationAsync(this AppFixture app, Guid postingId, string fullName = "Jane Doe",
        string? email = null)
    {
        var form = await app.SendAsync(new GetApplyForm.Query(postingId), null);
        return new ApplyToPosting.Command
        {
            PostingId = postingId,
            FullName = fullName,
            Email = email ?? $"{fullName.ToLowerInvariant().Replace(' ', '.')}@example.com",
            Phone = "+1 555 0100",
            Location = "Lisbon, Portugal",
            TimeZoneId = "Europe/Lisbon",
            GitHubUrl = "https://github.com/janedoe",
            LinkedInUrl = "https://www.linkedin.com/in/janedoe",
            WebsiteUrl = "https://janedoe.dev",
            Note = "I would love to talk.",
            Consent = true,
            Resume = Upload(Pdf(fullName, "Senior Backend Engineer", "Go, PostgreSQL, Kubernetes")),
            Answers = form.Questions.Select(q => new ApplyToPosting.AnswerInput
            {
                QuestionId = q.Id,
                Value = q.Kind switch
                {
                    Application.Domain.JobPostings.ScreeningAnswerKind.YesNo => "Yes",
                    Application.Domain.JobPostings.ScreeningAnswerKind.Salary => "160000",
                    _ => "Four weeks",
                },
                Currency = q.Kind == Application.Domain.JobPostings.ScreeningAnswerKind.Salary ? "USD" : null,
            }).ToList(),
        };
    }
}
