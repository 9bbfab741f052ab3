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

    // Both applied to one posting: which application stays (whichever profile is kept), and the one combined into it.
    public sealed record Combination(string PostingTitle, Guid KeptCandidateId, Application Kept, Application Other);

    public sealed record Model(Side Candidate, Side Other, string? Reason)
    {
        public IReadOnlyList<Combination> Combinations { get; init; } = [];
    }

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
            return new Model(await SideAsync(query.CandidateId, ct), await SideAsync(query.OtherId, ct), reason)
            {
                Combinations = await CombinationsAsync(query.CandidateId, query.OtherId, ct),
            };
        }

        // The same rule the merge applies (JobApplication.ChooseKept), so the page says what will happen.
        private async Task<IReadOnlyList<Combination>> CombinationsAsync(Guid candidateId, Guid otherId, CancellationToken ct)
        {
            var applications = await db.Applications.AsNoTracking().Where(a => a.CandidateId == candidateId || a.CandidateId == otherId).ToListAsync(ct);
            var shared = applications.GroupBy(a => a.PostingId).Where(g => g.Count() == 2).ToList();
            if (shared.Count == 0) return [];
            var postingIds = shared.Select(g => g.Key).ToList();
            var titles = await db.JobPostings.AsNoTracking().Where(p => postingIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
            var stages = await db.InterviewStages.AsNoTracking().Where(s => postingIds.Contains(s.PostingId))
                .ToDictionaryAsync(s => s.Id, s => new { s.Order, s.Name }, ct);
            return shared.Select(g =>
            {
                var (keep, drop) = JobApplication.ChooseKept(g.First(), g.Last(), id => stages.TryGetValue(id, out var s) ? s.Order : 0);
                Application Row(JobApplication a) => new(titles[a.PostingId], stages.TryGetValue(a.StageId, out var s) ? s.Name : "", a.Status);
                return new Combination(titles[g.Key], keep.CandidateId, Row(keep), Row(drop));
            }).OrderBy(c => c.PostingTitle, StringComparer.CurrentCulture).ToList();
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
