using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// The two profiles side by side before a merge.
public static class GetMergePreview
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Query : IQuery<Model>
    {
        public Guid CandidateId { get; init; }
        public Guid OtherId { get; init; }
    }

    public sealed record Application(string PostingTitle, string StageName, ApplicationStatus Status);

    public sealed record Side(Guid Id, string FullName, string Email, string? Phone, string? Location, string? LinkedInUrl, string? GitHubUrl,
        CandidateSource Source, string? SourceDetail, IReadOnlyList<string> Tags, DateTimeOffset CreatedAt, bool HasResume,
        IReadOnlyList<Application> Applications, int Notes, int Files);

    public sealed record Model(Side Candidate, Side Other, string? Reason);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            if (query.CandidateId == query.OtherId) throw new NotFoundException("Candidate");
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, query.CandidateId, ct);
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, query.OtherId, ct);
            var reason = await db.PossibleDuplicates.AsNoTracking()
                .Where(d => (d.CandidateId == query.CandidateId && d.OtherCandidateId == query.OtherId) ||
                            (d.CandidateId == query.OtherId && d.OtherCandidateId == query.CandidateId))
                .Select(d => d.Reason).FirstOrDefaultAsync(ct);
            return new Model(await SideAsync(query.CandidateId, ct), await SideAsync(query.OtherId, ct), reason);
        }

        private async Task<Side> SideAsync(Guid id, CancellationToken ct)
        {
            var c = await db.Candidates.AsNoTracking().Where(x => x.Id == id && x.ErasedAt == null && x.MergedIntoId == null)
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Candidate");
            var applications = await db.Applications.AsNoTracking().Where(a => a.CandidateId == id)
                .Join(db.JobPostings, a => a.PostingId, p => p.Id, (a, p) => new { a, p.Title })
                .Join(db.InterviewStages, x => x.a.StageId, s => s.Id, (x, s) => new Application(x.Title, s.Name, x.a.Status))
                .ToListAsync(ct);
            var notes = await db.CandidateNotes.CountAsync(n => n.CandidateId == id, ct);
            var files = await db.Files.CountAsync(f => f.CandidateId == id, ct);
            return new Side(c.Id, c.FullName, c.Email, c.Phone, c.Location, c.LinkedInUrl, c.GitHubUrl, c.Source, c.SourceDetail, c.Tags,
                c.CreatedAt, c.ResumeFileId is not null, applications, notes, files);
        }
    }
}
