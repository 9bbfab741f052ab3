using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings;

// A second opening of the same role: a new draft with the same text, screening questions, team, rubric and
// interview plan (stage focus, questions and default interviewers included). Candidates and history stay behind.
public static class ClonePosting
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command(Guid Id) : ICommand<Guid>;

    public sealed class Handler(AppDbContext db, ICurrentUser user) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var source = await db.JobPostings.AsNoTracking()
                .Include(p => p.TeamMembers).Include(p => p.ScreeningQuestions)
                .VisibleTo(user).AsSplitQuery()
                .SingleOrDefaultAsync(p => p.Id == command.Id, ct)
                ?? throw new Common.Exceptions.NotFoundException("The posting");
            var copy = source.CloneAsDraft();

            var rubric = await db.RubricItems.AsNoTracking().Where(r => r.PostingId == source.Id).OrderBy(r => r.Order).ToListAsync(ct);
            var stages = await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == source.Id)
                .Include(s => s.Focus).Include(s => s.Questions).Include(s => s.DefaultInterviewers)
                .AsSplitQuery().OrderBy(s => s.Order).ToListAsync(ct);

            db.JobPostings.Add(copy);
            db.RubricItems.AddRange(rubric.Select(r => new RubricItem(copy.Id, r.CompetencyId, r.Weight, r.IsMustHave, r.Order)));
            foreach (var stage in stages)
            {
                var clone = new InterviewStage(copy.Id, stage.Order, stage.Name, stage.Kind, stage.DurationMinutes);
                clone.SetFocus(stage.Focus.Select(f => f.CompetencyId));
                clone.SetQuestions(stage.Questions.OrderBy(q => q.Order).Select(q => q.QuestionId));
                clone.SetDefaultInterviewers(stage.DefaultInterviewers.Select(i => i.UserId));
                db.InterviewStages.Add(clone);
            }
            await db.SaveChangesAsync(ct);
            return copy.Id;
        }
    }
}
