using System.IO.Compression;
using System.Text;

namespace HiringPlatform.Application.Common.Files;

// An upload as the web layer hands it over: the name and type the browser claimed, and the bytes
// (empty when the file was too large to be worth reading).
public sealed record UploadedFile(string FileName, string? ClaimedContentType, long Length, byte[] Content);

public enum ResumeFormat { Pdf, Docx }

// Résumés are recognised by what they contain, never by their name or the browser's content type:
// a .pdf name on PNG bytes is refused, and the stored content type is always one of ours.
// The one detector for every upload path: the careers form and staff uploads (ResumeUpload) both come here.
public static class ResumeFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public const string PdfContentType = "application/pdf";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static ResumeFormat? Detect(byte[]? content)
    {
        if (content is null) return null;
        if (content.AsSpan().StartsWith(PdfMagic)) return ResumeFormat.Pdf;
        if (content.AsSpan().StartsWith(ZipMagic) && IsWordDocument(content)) return ResumeFormat.Docx;
        return null;
    }

    // The stored content type of a recognised résumé, or null.
    public static string? DetectContentType(byte[]? content) => Detect(content) is { } format ? ContentType(format) : null;

    public static string ContentType(ResumeFormat format) => format == ResumeFormat.Pdf ? PdfContentType : DocxContentType;

    // The stored name: no folders, no control or path characters, bounded length, and the extension that matches the content.
    public static string SafeFileName(string? claimedName, ResumeFormat format)
    {
        var extension = format == ResumeFormat.Pdf ? ".pdf" : ".docx";
        var name = Path.GetFileNameWithoutExtension((claimedName ?? "").Replace('\\', '/').Split('/')[^1]);
        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name)
            cleaned.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')' ? c : '_');
        var stem = cleaned.ToString().Trim(' ', '.', '_');
        if (stem.Length == 0) stem = "resume";
        if (stem.Length > 100) stem = stem[..100];
        return stem + extension;
    }

    // A DOCX is a ZIP package (Open Packaging Conventions: it always has [Content_Types].xml) with a main document
    // part; any other ZIP (xlsx, jar, a broken one) is not a résumé. Only the central directory is read here.
    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
