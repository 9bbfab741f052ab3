using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// A posting's interview plan: its stages in order, what each assesses and with which questions, who interviews
// by default, how many active applications sit in each, and which rubric competencies no stage assesses.
public static class GetInterviewPlan
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid PostingId { get; init; }
    }

    public sealed record Model(Guid PostingId, string PostingTitle, PostingStatus Status, bool CanEdit, int RubricCount,
        IReadOnlyList<Stage> Stages, IReadOnlyList<CompetencyRef> Uncovered)
    {
        public int TotalMinutes => Stages.Where(s => s.IsScored).Sum(s => s.DurationMinutes);
    }

    public sealed record Stage(Guid Id, int Order, string Name, StageKind Kind, int DurationMinutes, IReadOnlyList<CompetencyRef> Focus,
        IReadOnlyList<QuestionRef> Questions, IReadOnlyList<PersonRef> Interviewers, int ActiveApplications)
    {
        public bool IsScored => Kind is StageKind.Interview or StageKind.Screen;
    }

    public sealed record QuestionRef(Guid Id, string Text, bool IsRetired);

    public sealed record PersonRef(Guid Id, string Name, bool IsActive);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, query.PostingId, ct);
            var stages = await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == query.PostingId)
                .OrderBy(s => s.Order).ThenBy(s => s.Id)
                .Select(s => new
                {
                    s.Id,
                    s.Order,
                    s.Name,
                    s.Kind,
                    s.DurationMinutes,
                    Focus = s.Focus.Join(db.Competencies, f => f.CompetencyId, c => c.Id, (f, c) => new CompetencyRef(c.Id, c.Name, c.IsRetired)).ToList(),
                    Questions = s.Questions.OrderBy(q => q.Order)
                        .Join(db.Questions, sq => sq.QuestionId, q => q.Id, (sq, q) => new QuestionRef(q.Id, q.Text, q.IsRetired)).ToList(),
                    Interviewers = s.DefaultInterviewers.Join(db.Users, i => i.UserId, u => u.Id, (i, u) => new PersonRef(u.Id, u.DisplayName, u.IsActive)).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(ct);
            // One indexed GROUP BY for the whole posting (applications by posting, stage and status).
            var active = await db.Applications.AsNoTracking()
                .Where(a => a.PostingId == query.PostingId && a.Status == ApplicationStatus.Active)
                .GroupBy(a => a.StageId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var rubric = await db.RubricItems.Where(r => r.PostingId == query.PostingId).Select(r => new { r.CompetencyId, r.Order }).ToListAsync(ct);
            var rubricOrder = rubric.ToDictionary(r => r.CompetencyId, r => r.Order);
            var models = stages.Select(s => new Stage(s.Id, s.Order, s.Name, s.Kind, s.DurationMinutes,
                s.Focus.OrderBy(f => rubricOrder.GetValueOrDefault(f.Id, int.MaxValue)).ToList(),
                s.Questions, s.Interviewers.OrderBy(i => i.Name).ToList(), active.GetValueOrDefault(s.Id))).ToList();
            return new Model(access.PostingId, access.Title, access.Status, access.CanEditPlan, rubric.Count, models,
                await PlanCoverage.UncoveredAsync(db, query.PostingId, ct));
        }
    }
}
