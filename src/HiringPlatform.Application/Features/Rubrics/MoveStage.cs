using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// One place up or down. Applications stay in their stage; only the order the board shows changes.
public static class MoveStage
{
    public enum Direction { Up, Down }

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<string>
    {
        public Guid PostingId { get; init; }
        public Guid StageId { get; init; }
        public Direction To { get; init; }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, command.PostingId, ct);
            if (!access.CanEditPlan) throw new ForbiddenAccessException();
            var stages = await db.InterviewStages.Where(s => s.PostingId == command.PostingId).ToListAsync(ct);
            var stage = stages.SingleOrDefault(s => s.Id == command.StageId) ?? throw new NotFoundException("Stage");
            InterviewPlan.Move(stages, command.StageId, command.To == Direction.Up ? -1 : 1);
            await db.SaveChangesAsync(ct);
            return stage.Name;
        }
    }
}
