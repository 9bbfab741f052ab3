using System.IO.Compression;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;

namespace HiringPlatform.Application.Features.Candidates;

// Résumés uploaded by staff: PDF or DOCX, recognised by their content (never by the name or the browser's
// content type), at most 5 MB. Stored through IFileStorage; the background extractor picks up Pending files.
public static class ResumeUpload
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string? DetectContentType(byte[]? content)
    {
        if (content is null || content.Length < 8) return null;
        if (content.AsSpan().StartsWith("%PDF-"u8)) return Pdf;
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            // A DOCX is a zip with a Word main document part; other zips (xlsx, jar...) are refused.
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null ? Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string SafeFileName(string? fileName, string contentType)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = new string(name.Where(ch => !char.IsControl(ch) && ch is not ('"' or '\\' or '/')).ToArray());
        if (name.Length == 0) name = "resume";
        if (name.Length > 200) name = name[^200..];
        var extension = contentType == Pdf ? ".pdf" : ".docx";
        return name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : name + extension;
    }

    // Adds the file and its bytes to the unit of work, makes it the candidate's current résumé, and logs it.
    public static async Task<StoredFile> AddAsync(AppDbContext db, IFileStorage storage, Candidate candidate, string? fileName, byte[] content,
        Guid? actorId, DateTimeOffset now, CancellationToken ct)
    {
        var contentType = DetectContentType(content) ?? throw new Domain.Common.DomainException("Upload a PDF or Word (.docx) file.");
        var key = $"resumes/{Guid.CreateVersion7():N}";
        var file = new StoredFile(candidate.Id, FileKind.Resume, SafeFileName(fileName, contentType), contentType, content.Length, key, now);
        db.Files.Add(file);
        await storage.SaveAsync(key, content, ct);
        candidate.ResumeFileId = file.Id;
        // The old text no longer describes the current résumé; the extractor fills it in from the new file.
        candidate.ResumeText = null;
        db.ActivityEvents.Add(new ActivityEvent(candidate.Id, null, now, actorId, ActivityKind.ResumeUploaded, $"Résumé uploaded ({file.FileName})"));
        return file;
    }
}
