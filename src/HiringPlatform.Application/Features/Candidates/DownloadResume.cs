using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// A stored résumé (or other file of a candidate): all of them for the hiring team of a posting the candidate applied
// to and for admins; only the current résumé for an interviewer with a live interview with the candidate
// (PostingAccess.CanDownloadFileAsync). Everyone else is told it does not exist.
public static class DownloadResume
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager},{Roles.Interviewer}")]
    public sealed record Query(Guid FileId) : IQuery<Model>;

    public sealed record Model(string FileName, string ContentType, byte[] Content);

    // Only types we store are served as themselves; anything else is an opaque download.
    private static readonly HashSet<string> SafeTypes = [ResumeFile.PdfContentType, ResumeFile.DocxContentType];

    public sealed class Handler(AppDbContext db, IFileStorage storage, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var file = await db.Files.AsNoTracking().Where(f => f.Id == query.FileId)
                .Select(f => new { f.CandidateId, f.FileName, f.ContentType, f.StorageKey })
                .SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("The file");
            if (!await PostingAccess.CanDownloadFileAsync(db, user, file.CandidateId, query.FileId, clock.GetUtcNow(), ct))
                throw new NotFoundException("The file");
            var content = await storage.ReadAsync(file.StorageKey, ct) ?? throw new NotFoundException("The file");
            return new Model(file.FileName, SafeTypes.Contains(file.ContentType) ? file.ContentType : "application/octet-stream", content);
        }
    }
}
