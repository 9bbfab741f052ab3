using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace HiringPlatform.Infrastructure.Resumes;

// Plain text from PDF (PdfPig) and DOCX (Open XML SDK) résumés, for full-text search. Uploads are untrusted:
// any parse failure means "no text", never an exception for the caller.
public sealed class ResumeTextExtractor : IResumeTextExtractor
{
    // Enough for any real résumé; keeps a hostile file from bloating the search column (tsvector is capped at 1 MB).
    public const int MaxChars = 100_000;

    public string? Extract(byte[] content, string contentType)
    {
        try
        {
            var text = contentType switch
            {
                ResumeFile.PdfContentType => FromPdf(content),
                ResumeFile.DocxContentType => FromDocx(content),
                _ => null,
            };
            return Normalise(text);
        }
#pragma warning disable CA1031 // A malformed upload must not take the worker down; the caller marks the file as failed.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static string FromPdf(byte[] content)
    {
        using var document = PdfDocument.Open(content);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.AppendLine(ContentOrderTextExtractor.GetText(page));
            if (text.Length > MaxChars) break;
        }
        return text.ToString();
    }

    private static string? FromDocx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null) return null;
        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            text.AppendLine(paragraph.InnerText);
            if (text.Length > MaxChars) break;
        }
        return text.ToString();
    }

    // PostgreSQL text cannot hold NUL; runs of blank lines and spaces carry nothing for search.
    private static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lines = text.Replace("\0", "", StringComparison.Ordinal).Split('\n')
            .Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        var result = string.Join('\n', lines);
        if (result.Length == 0) return null;
        return result.Length > MaxChars ? result[..MaxChars] : result;
    }
}
