using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// Résumés uploaded by staff: recognised by ResumeFile (the same detector and file-name rules as the careers form).
// Stored through IFileStorage; the background extractor picks up Pending files.
public static class ResumeUpload
{
    // Adds the file and its bytes to the unit of work, makes it the candidate's current résumé, and logs it.
    public static async Task<StoredFile> AddAsync(AppDbContext db, IFileStorage storage, Candidate candidate, string? fileName, byte[] content,
        Guid? actorId, DateTimeOffset now, CancellationToken ct)
    {
        var format = ResumeFile.Detect(content) ?? throw new Domain.Common.DomainException("Upload a PDF or Word (.docx) file.");
        var key = $"resumes/{Guid.CreateVersion7():N}";
        var file = new StoredFile(candidate.Id, FileKind.Resume, ResumeFile.SafeFileName(fileName, format), ResumeFile.ContentType(format),
            content.Length, key, now);
        db.Files.Add(file);
        await storage.SaveAsync(key, content, ct);
        candidate.ResumeFileId = file.Id;
        // The old text no longer describes the current résumé; the extractor fills it in from the new file.
        candidate.ResumeText = null;
        db.ActivityEvents.Add(new ActivityEvent(candidate.Id, null, now, actorId, ActivityKind.ResumeUploaded, $"Résumé uploaded ({file.FileName})"));
        return file;
    }
}
