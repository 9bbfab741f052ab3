using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

// What the scheduling form offers: the posting's stages (with their default duration and interviewers) and the
// people who may interview (the posting's team and the stages' default interviewers), plus the two time zones.
public static class GetSchedulingOptions
{
    [Authorize(Roles = Roles.Recruiter)]
    public sealed record Query : IQuery<Model>
    {
        public Guid? ApplicationId { get; init; }
        public Guid? InterviewId { get; init; }
    }

    public sealed record Model(
        Guid ApplicationId,
        Guid CandidateId,
        string CandidateName,
        string? CandidateTimeZoneId,
        Guid PostingId,
        string PostingTitle,
        Guid CurrentStageId,
        string CurrentStageName,
        string SchedulerTimeZoneId,
        IReadOnlyList<StageOption> Stages,
        IReadOnlyList<InterviewerOption> Interviewers);

    public sealed record StageOption(Guid Id, string Name, StageKind Kind, int DurationMinutes, IReadOnlyList<Guid> DefaultInterviewerIds);

    public sealed record InterviewerOption(Guid Id, string Name, string TimeZoneId, string Role);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var applicationId = query.ApplicationId
                ?? await db.Interviews.AsNoTracking().Where(i => i.Id == query.InterviewId).Select(i => (Guid?)i.ApplicationId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Interview");
            var context = await (
                from a in db.Applications.AsNoTracking()
                where a.Id == applicationId
                join c in db.Candidates on a.CandidateId equals c.Id
                join p in db.JobPostings on a.PostingId equals p.Id
                join s in db.InterviewStages on a.StageId equals s.Id
                select new { a.Id, CandidateId = c.Id, c.FullName, c.TimeZoneId, PostingId = p.Id, p.Title, StageId = s.Id, StageName = s.Name })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Application");
            if (!await db.CanScheduleAsync(user, context.PostingId, ct)) throw new NotFoundException("Application");

            var me = user.RequireId();
            var myZone = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.TimeZoneId).SingleOrDefaultAsync(ct) ?? "UTC";

            var stages = await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == context.PostingId).OrderBy(s => s.Order)
                .Select(s => new { s.Id, s.Name, s.Kind, s.DurationMinutes, Defaults = s.DefaultInterviewers.Select(d => d.UserId).ToList() })
                .ToListAsync(ct);
            var team = await PostingAccess.TeamOf(db, context.PostingId).AsNoTracking()
                .Select(m => new { m.UserId, m.Role }).ToListAsync(ct);
            var candidateIds = team.Select(t => t.UserId).Concat(stages.SelectMany(s => s.Defaults)).Distinct().ToList();
            var people = await db.Users.AsNoTracking().Where(u => candidateIds.Contains(u.Id) && u.IsActive)
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.TimeZoneId }).ToListAsync(ct);

            var interviewers = people.Select(p => new InterviewerOption(p.Id, p.DisplayName, p.TimeZoneId,
                string.Join(", ", team.Where(t => t.UserId == p.Id).Select(t => RoleName(t.Role)).DefaultIfEmpty("Stage interviewer")))).ToList();
            return new Model(context.Id, context.CandidateId, context.FullName, context.TimeZoneId, context.PostingId, context.Title,
                context.StageId, context.StageName, myZone,
                stages.Select(s => new StageOption(s.Id, s.Name, s.Kind, s.DurationMinutes, s.Defaults)).ToList(), interviewers);
        }

        private static string RoleName(TeamRole role) => role switch
        {
            TeamRole.HiringManager => "Hiring manager",
            _ => role.ToString(),
        };
    }
}
