using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace HiringPlatform.ResumeExtractor;

// Why a file gave no text. The child process reports it as its exit code; the web app turns it into plain words.
public enum ParseOutcome
{
    Text = 0,
    NoText = 3,
    Damaged = 4,
    TooLarge = 5,
    Unsupported = 6,
}

public sealed record ParseResult(ParseOutcome Outcome, string? Text)
{
    public static ParseResult Fail(ParseOutcome outcome) => new(outcome, null);
}

// Limits inside the parsers: the child process has its own time and memory caps (ADR-0014), and these keep a
// hostile file from using all of them on text nobody searches. Real résumés are a few pages and a few thousand words.
public sealed record ParseLimits
{
    public int MaxChars { get; init; } = 100_000;
    public int MaxPdfPages { get; init; } = 50;
    public int MaxLettersPerPage { get; init; } = 20_000;
    public int MaxZipEntries { get; init; } = 1_000;
    // Declared uncompressed size of any one part, and of the whole package.
    public long MaxPartBytes { get; init; } = 20 * 1024 * 1024;
    public long MaxPackageBytes { get; init; } = 100 * 1024 * 1024;
    // Characters the Open XML SDK may read from one part before it refuses (OpenSettings.MaxCharactersInPart).
    public long MaxCharactersInPart { get; init; } = 20_000_000;
}

// Plain text from PDF (PdfPig) and DOCX (Open XML SDK) résumés, for full-text search. Uploads are untrusted: every
// failure is an outcome, never an exception for the caller. Runs inside the extractor process, never in the web app.
public static class ResumeParser
{
    public const string Pdf = "pdf";
    public const string Docx = "docx";

    public static ParseResult Parse(byte[] content, string format, ParseLimits? limits = null)
    {
        limits ??= new ParseLimits();
        try
        {
            var text = format switch
            {
                Pdf => FromPdf(content, limits),
                Docx => FromDocx(content, limits),
                _ => null,
            };
            if (text is null) return ParseResult.Fail(format is Pdf or Docx ? ParseOutcome.Damaged : ParseOutcome.Unsupported);
            var normalised = Normalise(text, limits.MaxChars);
            return normalised is null ? ParseResult.Fail(ParseOutcome.NoText) : new ParseResult(ParseOutcome.Text, normalised);
        }
        catch (TooLargeException)
        {
            return ParseResult.Fail(ParseOutcome.TooLarge);
        }
        catch (OutOfMemoryException)
        {
            return ParseResult.Fail(ParseOutcome.TooLarge);
        }
        catch (InsufficientExecutionStackException)
        {
            return ParseResult.Fail(ParseOutcome.TooLarge);
        }
        // OpenSettings.MaxCharactersInPart surfaces as XmlReaderSettings.MaxCharactersInDocument (no own exception type).
        catch (XmlException ex) when (ex.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            return ParseResult.Fail(ParseOutcome.TooLarge);
        }
#pragma warning disable CA1031 // Any parser exception on an untrusted file means "damaged"; the process reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ParseResult.Fail(ParseOutcome.Damaged);
        }
    }

    private static string FromPdf(byte[] content, ParseLimits limits)
    {
        using var document = PdfDocument.Open(content, new ParsingOptions { SkipMissingFonts = true });
        var text = new StringBuilder();
        // A page cap rather than a refusal: the first pages of a long file still make it searchable.
        var pages = Math.Min(document.NumberOfPages, limits.MaxPdfPages);
        for (var number = 1; number <= pages && text.Length <= limits.MaxChars; number++)
        {
            var page = document.GetPage(number);
            // Ordering letters is the costly part; a page with more glyphs than any résumé gets them in stream order.
            text.AppendLine(page.Letters.Count <= limits.MaxLettersPerPage
                ? ContentOrderTextExtractor.GetText(page)
                : string.Concat(page.Letters.Take(limits.MaxLettersPerPage).Select(l => l.Value)));
        }
        return text.ToString();
    }

    private static string FromDocx(byte[] content, ParseLimits limits)
    {
        CheckPackage(content, limits);
        using var stream = new MemoryStream(content, writable: false);
        var settings = new OpenSettings { AutoSave = false, MaxCharactersInPart = limits.MaxCharactersInPart };
        using var document = WordprocessingDocument.Open(stream, false, settings);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("No main document part.");
        // A streaming reader, not MainDocumentPart.Document: the DOM of a large part would be built in full.
        var text = new StringBuilder();
        using var reader = OpenXmlReader.Create(main);
        while (reader.Read() && text.Length <= limits.MaxChars)
        {
            if (reader.ElementType == typeof(Text) && reader.IsStartElement)
                text.Append(reader.GetText());
            else if (reader.ElementType == typeof(Paragraph) && reader.IsEndElement)
                text.Append('\n');
        }
        return text.ToString();
    }

    // The zip's own bookkeeping, checked before any part is inflated: a few MB can declare gigabytes.
    // System.IO.Compression stops an entry at its declared size, so a lying header cannot get past this either.
    private static void CheckPackage(byte[] content, ParseLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxZipEntries) throw new TooLargeException();
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > limits.MaxPartBytes) throw new TooLargeException();
            total += entry.Length;
            if (total > limits.MaxPackageBytes) throw new TooLargeException();
        }
    }

    // PostgreSQL text cannot hold NUL; runs of blank lines and spaces carry nothing for search.
    private static string? Normalise(string text, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lines = text.Replace("\0", "", StringComparison.Ordinal).Split('\n')
            .Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        var result = string.Join('\n', lines);
        if (result.Length == 0) return null;
        return result.Length > maxChars ? result[..maxChars] : result;
    }

    private sealed class TooLargeException : Exception;
}
