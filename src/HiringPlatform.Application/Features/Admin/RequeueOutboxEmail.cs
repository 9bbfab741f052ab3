using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

// After fixing what made an email fail (SMTP settings, a typo in an address), try it again.
public static class RequeueOutboxEmail
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public Guid Id { get; init; }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var email = await db.OutboxEmails.SingleOrDefaultAsync(e => e.Id == command.Id, ct) ?? throw new NotFoundException("Email");
            email.Requeue(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
