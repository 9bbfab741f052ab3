using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// A stored résumé (or other file of a candidate), for staff who may see one of that candidate's applications:
// recruiters and hiring managers on the team of a posting the candidate applied to, interviewers who have an
// interview with the candidate, and admins. Everyone else is told it does not exist.
public static class DownloadResume
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager},{Roles.Interviewer}")]
    public sealed record Query(Guid FileId) : IQuery<Model>;

    public sealed record Model(string FileName, string ContentType, byte[] Content);

    // Only types we store are served as themselves; anything else is an opaque download.
    private static readonly HashSet<string> SafeTypes = [ResumeFile.PdfContentType, ResumeFile.DocxContentType];

    public sealed class Handler(AppDbContext db, IFileStorage storage, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var file = await db.Files.AsNoTracking().Where(f => f.Id == query.FileId)
                .Select(f => new { f.CandidateId, f.FileName, f.ContentType, f.StorageKey })
                .SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("The file");
            if (!user.IsAdmin() && !await MaySeeCandidateAsync(file.CandidateId, user.RequireId(), ct))
                throw new NotFoundException("The file");
            var content = await storage.ReadAsync(file.StorageKey, ct) ?? throw new NotFoundException("The file");
            return new Model(file.FileName, SafeTypes.Contains(file.ContentType) ? file.ContentType : "application/octet-stream", content);
        }

        private async Task<bool> MaySeeCandidateAsync(Guid candidateId, Guid userId, CancellationToken ct)
        {
            var onTeam = await db.Applications.AsNoTracking()
                .Where(a => a.CandidateId == candidateId)
                .AnyAsync(a => db.PostingTeamMembers.Any(m => m.PostingId == a.PostingId && m.UserId == userId
                                                             && (m.Role == TeamRole.Recruiter || m.Role == TeamRole.HiringManager)), ct);
            if (onTeam) return true;
            return await db.InterviewParticipants.AsNoTracking()
                .Where(p => p.InterviewerId == userId)
                .AnyAsync(p => db.Interviews.Any(i => i.Id == p.InterviewId
                                                      && db.Applications.Any(a => a.Id == i.ApplicationId && a.CandidateId == candidateId)), ct);
        }
    }
}
