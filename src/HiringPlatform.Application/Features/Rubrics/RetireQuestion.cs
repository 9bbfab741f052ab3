using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// A retired question leaves the pickers; kits that already hold it keep it until the stage is edited.
public static class RetireQuestion
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Unit>
    {
        public Guid Id { get; init; }
        public bool Retire { get; init; } = true;
    }

    public sealed class Handler(AppDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == command.Id, ct) ?? throw new NotFoundException("Question");
            question.IsRetired = command.Retire;
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
