using FluentValidation;
using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Account;

// A person's own name and time zone. (Email and roles are changed by an admin.)
public static class UpdateProfile
{
    [Authorize]
    public sealed record Query : IQuery<Command>;

    [Authorize]
    public sealed record Command : ICommand<Unit>
    {
        public string DisplayName { get; init; } = "";
        public string TimeZoneId { get; init; } = "UTC";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter your name.")
                .MaximumLength(100).WithMessage("Keep the name to 100 characters or fewer.");
            RuleFor(c => c.TimeZoneId).Must(TimeZones.IsValid).WithMessage(TimeZones.InvalidMessage);
        }
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser currentUser) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var id = currentUser.RequireId();
            return await db.Users.AsNoTracking().Where(u => u.Id == id)
                       .Select(u => new Command { DisplayName = u.DisplayName, TimeZoneId = u.TimeZoneId })
                       .SingleOrDefaultAsync(ct)
                   ?? throw new NotFoundException("Your account");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var id = currentUser.RequireId();
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("Your account");
            user.DisplayName = command.DisplayName.Trim();
            user.TimeZoneId = command.TimeZoneId.Trim();
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
