using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// What an interviewer needs in the room: the stage's focus competencies with their level descriptors, the kit's
// questions with guidance, the red-flag checklist, the candidate and the time. The scorecard page reuses it.
public static class GetInterviewKit
{
    [Authorize(Roles = $"{Roles.Interviewer},{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid InterviewId { get; init; }
    }

    public sealed record Model(
        Guid InterviewId,
        InterviewStatus Status,
        DateTimeOffset StartsAt,
        int DurationMinutes,
        string? LocationOrLink,
        Guid PostingId,
        string PostingTitle,
        string StageName,
        StageKind StageKind,
        Guid ApplicationId,
        string CandidateName,
        string? CandidateTimeZoneId,
        Guid? ResumeFileId,
        bool IsInterviewer,
        bool IsHiringTeam,
        IReadOnlyList<string> Interviewers,
        IReadOnlyList<Competency> Focus,
        IReadOnlyList<Question> Questions,
        IReadOnlyList<RedFlag> RedFlags)
    {
        public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

        // Only web links become clickable; anything else (a room name) is shown as text.
        public Uri? MeetingLink => Uri.TryCreate(LocationOrLink, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
    }

    // The wording is the competency's current version: the one a scorecard started now is rated against.
    public sealed record Competency(Guid Id, Guid VersionId, int VersionNumber, string Name, string Definition, IReadOnlyList<string> Levels,
        bool IsMustHave, decimal? Share);

    public sealed record Question(Guid Id, string Text, string GoodLooksLike, string RedFlags, IReadOnlyList<string> Probes);

    public sealed record RedFlag(Guid Id, string Text);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var interview = await (
                    from i in db.Interviews.AsNoTracking()
                    join a in db.Applications on i.ApplicationId equals a.Id
                    join c in db.Candidates on a.CandidateId equals c.Id
                    join s in db.InterviewStages on i.StageId equals s.Id
                    join p in db.JobPostings on a.PostingId equals p.Id
                    where i.Id == query.InterviewId
                    select new
                    {
                        i.Id, i.Status, i.StartsAt, i.DurationMinutes, i.LocationOrLink, i.StageId,
                        PostingId = p.Id, p.Title, StageName = s.Name, s.Kind, ApplicationId = a.Id,
                        c.FullName, c.TimeZoneId, c.ResumeFileId,
                    })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Interview");

            // Interviewers see only their own interviews; the posting's recruiters and hiring manager see all of its.
            var userId = user.Id ?? Guid.Empty;
            var participants = await db.InterviewParticipants.AsNoTracking().Where(p => p.InterviewId == interview.Id)
                .Join(db.Users, p => p.InterviewerId, u => u.Id, (p, u) => new { u.Id, u.DisplayName })
                .OrderBy(u => u.DisplayName)
                .ToListAsync(ct);
            var isInterviewer = participants.Any(p => p.Id == userId);
            var isHiringTeam = await db.IsHiringTeamAsync(user, interview.PostingId, ct);
            if (!isInterviewer && !isHiringTeam) throw new NotFoundException("Interview");

            var rubric = await db.RubricItems.AsNoTracking().Where(r => r.PostingId == interview.PostingId)
                .Select(r => new { r.CompetencyId, r.Weight, r.IsMustHave, r.Order }).ToListAsync(ct);
            var total = rubric.Sum(r => r.Weight);
            var focus = await (
                    from f in db.Set<StageFocus>().AsNoTracking()
                    join c in db.Competencies on f.CompetencyId equals c.Id
                    join v in db.CompetencyVersions on c.CurrentVersionId equals v.Id
                    where f.StageId == interview.StageId
                    select new { c.Id, VersionId = v.Id, v.Number, v.Name, v.Definition, v.Level1, v.Level2, v.Level3, v.Level4 })
                .ToListAsync(ct);
            var competencies = focus
                .Select(f => (f, r: rubric.SingleOrDefault(r => r.CompetencyId == f.Id)))
                .OrderBy(x => x.r?.Order ?? int.MaxValue).ThenBy(x => x.f.Name)
                .Select(x => new Competency(x.f.Id, x.f.VersionId, x.f.Number, x.f.Name, x.f.Definition, [x.f.Level1, x.f.Level2, x.f.Level3, x.f.Level4],
                    x.r?.IsMustHave ?? false, x.r is null ? null : GetRubric.Share(x.r.Weight, total)))
                .ToList();

            var questions = await (
                    from sq in db.Set<StageQuestion>().AsNoTracking()
                    join q in db.Questions on sq.QuestionId equals q.Id
                    where sq.StageId == interview.StageId
                    orderby sq.Order
                    select new
                    {
                        q.Id, q.Text, q.GoodLooksLike, q.RedFlags,
                        Probes = q.Competencies.Join(db.Competencies, qc => qc.CompetencyId, c => c.Id, (qc, c) => c.Name).ToList(),
                    })
                .ToListAsync(ct);
            var flags = await db.RedFlags.AsNoTracking().Where(f => !f.IsRetired).OrderBy(f => f.Text)
                .Select(f => new RedFlag(f.Id, f.Text)).ToListAsync(ct);

            return new Model(interview.Id, interview.Status, interview.StartsAt, interview.DurationMinutes, interview.LocationOrLink,
                interview.PostingId, interview.Title, interview.StageName, interview.Kind, interview.ApplicationId,
                interview.FullName, interview.TimeZoneId, interview.ResumeFileId, isInterviewer, isHiringTeam || user.IsAdmin(),
                participants.Select(p => p.DisplayName).ToList(), competencies,
                questions.Select(q => new Question(q.Id, q.Text, q.GoodLooksLike, q.RedFlags, q.Probes.Order().ToList())).ToList(),
                flags);
        }
    }
}
