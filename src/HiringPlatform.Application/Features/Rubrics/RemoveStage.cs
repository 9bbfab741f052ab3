using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// A stage can go only while nothing depends on it: active applications must be moved first (on the board), and
// closed applications and interviews keep the stage as part of their history.
public static class RemoveStage
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<string>
    {
        public Guid PostingId { get; init; }
        public Guid StageId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user)
        {
            WhenAsync((c, ct) => PostingAccess.CanSeePostingAsync(db, user, c.PostingId, ct), () =>
            {
                RuleFor(c => c.StageId).CustomAsync(async (stageId, context, ct) =>
                {
                    var counts = await db.Applications.Where(a => a.StageId == stageId)
                        .GroupBy(a => a.Status == ApplicationStatus.Active)
                        .Select(g => new { Active = g.Key, Count = g.Count() })
                        .ToListAsync(ct);
                    var active = counts.Where(c => c.Active).Sum(c => c.Count);
                    var closed = counts.Where(c => !c.Active).Sum(c => c.Count);
                    if (active > 0)
                    {
                        context.AddFailure(active == 1
                            ? "1 active application is in this stage: move it to another stage on the board first."
                            : $"{active} active applications are in this stage: move them to another stage on the board first.");
                        return;
                    }
                    var interviews = await db.Interviews.CountAsync(i => i.StageId == stageId, ct);
                    if (closed > 0 || interviews > 0)
                    {
                        var parts = new List<string>();
                        if (closed > 0) parts.Add(closed == 1 ? "1 closed application" : $"{closed} closed applications");
                        if (interviews > 0) parts.Add(interviews == 1 ? "1 interview" : $"{interviews} interviews");
                        context.AddFailure($"This stage is part of the history of {string.Join(" and ", parts)}, so it stays. Rename it if it no longer fits.");
                    }
                });
            });
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, command.PostingId, ct);
            if (!access.CanEditPlan) throw new ForbiddenAccessException();
            var stages = await db.InterviewStages.Where(s => s.PostingId == command.PostingId).ToListAsync(ct);
            var stage = stages.SingleOrDefault(s => s.Id == command.StageId) ?? throw new NotFoundException("Stage");
            InterviewPlan.Remove(stages, stage.Id);
            db.InterviewStages.Remove(stage);
            await db.SaveChangesAsync(ct);
            return stage.Name;
        }
    }
}
