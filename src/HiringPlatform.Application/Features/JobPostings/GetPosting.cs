using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings;

// The posting's page for its hiring team: summary, what can be done next, history, the plan with
// how many candidates sit in each stage, and the latest applications.
public static class GetPosting
{
    public const int RecentApplications = 10;

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query(Guid Id) : IQuery<Model>;

    public sealed record Model
    {
        public required Guid Id { get; init; }
        public required string Title { get; init; }
        public required PostingStatus Status { get; init; }
        public ClosedReason? ClosedReason { get; init; }
        public required JobLevel Level { get; init; }
        public required string Team { get; init; }
        public required LocationType LocationType { get; init; }
        public string? Location { get; init; }
        public int? TimeZoneMinOffset { get; init; }
        public int? TimeZoneMaxOffset { get; init; }
        public required EmploymentType EmploymentType { get; init; }
        public required SalaryBand Salary { get; init; }
        public required int Headcount { get; init; }
        public required int FilledCount { get; init; }
        public string? TemplateName { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public required DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public required string DescriptionMarkdown { get; init; }
        public required string ResponsibilitiesMarkdown { get; init; }
        public required string QualificationsMarkdown { get; init; }
        public required string PerksMarkdown { get; init; }
        public required IReadOnlyList<TeamMember> TeamMembers { get; init; }
        public required IReadOnlyList<Question> Questions { get; init; }
        public required IReadOnlyList<HistoryEntry> History { get; init; }
        public required IReadOnlyList<Stage> Stages { get; init; }
        public required IReadOnlyList<RecentApplication> Recent { get; init; }
        public required int ActiveCandidates { get; init; }
        public required int TotalApplications { get; init; }
        public required int NewThisWeek { get; init; }
        public required bool CanApprove { get; init; }

        public bool CanEdit => Status != PostingStatus.Closed;
        public bool IsPublic => Status == PostingStatus.Open;
    }

    public sealed record TeamMember(Guid UserId, string DisplayName, TeamRole Role, bool IsActive);
    public sealed record Question(string Text, ScreeningAnswerKind Kind, bool Required);
    public sealed record HistoryEntry(DateTimeOffset At, string? ByName, PostingStatus From, PostingStatus To, string? Comment);
    public sealed record Stage(Guid Id, string Name, int Order, StageKind Kind, int ActiveCount);
    public sealed record RecentApplication(Guid ApplicationId, Guid CandidateId, string CandidateName, DateTimeOffset AppliedAt,
        string StageName, ApplicationStatus Status, CandidateSource Source, Guid? ResumeFileId);

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var posting = await db.JobPostings.AsNoTracking().VisibleTo(user).Where(p => p.Id == query.Id)
                .Select(p => new
                {
                    p.Id, p.Title, p.Status, p.ClosedReason, p.Level, p.Team, p.LocationType, p.Location, p.TimeZoneMinOffset,
                    p.TimeZoneMaxOffset, p.EmploymentType, p.Salary, p.Headcount, p.FilledCount, p.TemplateName, p.CreatedAt,
                    p.UpdatedAt, p.PublishedAt, p.ClosedAt, p.DescriptionMarkdown, p.ResponsibilitiesMarkdown,
                    p.QualificationsMarkdown, p.PerksMarkdown,
                })
                .SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("The posting");

            var team = await PostingAccess.TeamOf(db, posting.Id).AsNoTracking()
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new TeamMember(m.UserId, u.DisplayName, m.Role, u.IsActive))
                .ToListAsync(ct);
            var questions = await db.ScreeningQuestions.AsNoTracking().Where(q => q.PostingId == posting.Id).OrderBy(q => q.Order)
                .Select(q => new Question(q.Text, q.Kind, q.Required)).ToListAsync(ct);
            var history = await db.PostingEvents.AsNoTracking().Where(e => e.PostingId == posting.Id)
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Select(e => new HistoryEntry(e.At, db.Users.Where(u => u.Id == e.ByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                    e.FromStatus, e.ToStatus, e.Comment))
                .ToListAsync(ct);

            // One grouped query for the stage columns, one for the totals.
            var stageCounts = await db.Applications.AsNoTracking()
                .Where(a => a.PostingId == posting.Id && a.Status == ApplicationStatus.Active)
                .GroupBy(a => a.StageId).Select(g => new { StageId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.StageId, x => x.Count, ct);
            var stages = await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == posting.Id).OrderBy(s => s.Order)
                .Select(s => new { s.Id, s.Name, s.Order, s.Kind }).ToListAsync(ct);
            var since = clock.GetUtcNow().AddDays(-7);
            var totals = await db.Applications.AsNoTracking().Where(a => a.PostingId == posting.Id)
                .GroupBy(_ => 1)
                .Select(g => new { Total = g.Count(), New = g.Count(a => a.AppliedAt >= since) })
                .SingleOrDefaultAsync(ct);

            var recent = await db.Applications.AsNoTracking().Where(a => a.PostingId == posting.Id)
                .OrderByDescending(a => a.AppliedAt).ThenByDescending(a => a.Id)
                .Take(RecentApplications)
                .Join(db.Candidates, a => a.CandidateId, c => c.Id, (a, c) => new { a, c })
                .Join(db.InterviewStages, x => x.a.StageId, s => s.Id, (x, s) => new RecentApplication(
                    x.a.Id, x.c.Id, x.c.FullName, x.a.AppliedAt, s.Name, x.a.Status, x.a.Source, x.c.ResumeFileId))
                .ToListAsync(ct);

            var me = user.Id;
            return new Model
            {
                Id = posting.Id,
                Title = posting.Title,
                Status = posting.Status,
                ClosedReason = posting.ClosedReason,
                Level = posting.Level,
                Team = posting.Team,
                LocationType = posting.LocationType,
                Location = posting.Location,
                TimeZoneMinOffset = posting.TimeZoneMinOffset,
                TimeZoneMaxOffset = posting.TimeZoneMaxOffset,
                EmploymentType = posting.EmploymentType,
                Salary = posting.Salary,
                Headcount = posting.Headcount,
                FilledCount = posting.FilledCount,
                TemplateName = posting.TemplateName,
                CreatedAt = posting.CreatedAt,
                UpdatedAt = posting.UpdatedAt,
                PublishedAt = posting.PublishedAt,
                ClosedAt = posting.ClosedAt,
                DescriptionMarkdown = posting.DescriptionMarkdown,
                ResponsibilitiesMarkdown = posting.ResponsibilitiesMarkdown,
                QualificationsMarkdown = posting.QualificationsMarkdown,
                PerksMarkdown = posting.PerksMarkdown,
                TeamMembers = team.OrderBy(t => t.Role).ThenBy(t => t.DisplayName).ToList(),
                Questions = questions,
                History = history,
                Stages = stages.Select(s => new Stage(s.Id, s.Name, s.Order, s.Kind, stageCounts.GetValueOrDefault(s.Id))).ToList(),
                Recent = recent.OrderByDescending(r => r.AppliedAt).ToList(),
                ActiveCandidates = stageCounts.Values.Sum(),
                TotalApplications = totals?.Total ?? 0,
                NewThisWeek = totals?.New ?? 0,
                CanApprove = user.IsAdmin() || team.Any(t => t.Role == TeamRole.HiringManager && t.UserId == me),
            };
        }
    }
}
