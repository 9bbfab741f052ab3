using FluentValidation;
using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

// An admin edits a colleague's name, email, time zone and roles.
public static class UpdateUser
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Command>
    {
        public Guid Id { get; init; }
    }

    // Fully qualified: inside the record, "Roles" is its own property.
    [Authorize(Roles = Domain.Users.Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public Guid Id { get; init; }
        public string DisplayName { get; init; } = "";
        public string Email { get; init; } = "";
        public string TimeZoneId { get; init; } = "UTC";
        public List<string> Roles { get; init; } = [];

        // Identity's concurrency token, carried through the form: two admins editing the same person are told.
        public string? ConcurrencyStamp { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<AppUser> users, ICurrentUser currentUser)
        {
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's name.")
                .MaximumLength(100).WithMessage("Keep the name to 100 characters or fewer.");
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the person's work email address.")
                .MustBeEmailAddress().WithMessage("Enter a valid email address.")
                .MaximumLength(256)
                .MustAsync(async (command, email, ct) => await users.FindByEmailAsync(email.Trim()) is not { } other || other.Id == command.Id)
                .WithMessage("There is already an account with this email address.");
            RuleFor(c => c.TimeZoneId).Must(TimeZones.IsValid).WithMessage(TimeZones.InvalidMessage);
            RuleFor(c => c.Roles).UserRoles()
                .Must((command, roles) => command.Id != currentUser.Id || roles.Contains(Domain.Users.Roles.Admin))
                .WithMessage("You cannot remove your own Admin role: ask another admin to do it, so the installation is never left without one.");
        }
    }

    public sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == query.Id)
                           .Select(u => new { u.Id, u.DisplayName, u.Email, u.TimeZoneId, u.ConcurrencyStamp })
                           .SingleOrDefaultAsync(ct)
                       ?? throw new NotFoundException("User");
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == query.Id select r.Name)
                .ToListAsync(ct);
            return new Command
            {
                Id = user.Id,
                DisplayName = user.DisplayName,
                Email = user.Email ?? "",
                TimeZoneId = user.TimeZoneId,
                Roles = Domain.Users.Roles.All.Where(roles.Contains).ToList(),
                ConcurrencyStamp = user.ConcurrencyStamp,
            };
        }
    }

    public sealed class Handler(UserManager<AppUser> users) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new NotFoundException("User");
            // Edited since the form was loaded? (Between this read and the save, Identity's own stamp check covers the gap.)
            if (command.ConcurrencyStamp is not null && command.ConcurrencyStamp != user.ConcurrencyStamp)
                throw new ConcurrencyConflictException(IdentityResults.ConcurrencyMessage);
            user.DisplayName = command.DisplayName.Trim();
            user.TimeZoneId = command.TimeZoneId.Trim();
            var email = command.Email.Trim();
            if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                // The email is also the sign-in name. A changed address is unproven until the person uses a link sent to it.
                user.Email = email;
                user.UserName = email;
                user.EmailConfirmed = false;
            }
            (await users.UpdateAsync(user)).ThrowIfFailed();

            var current = await users.GetRolesAsync(user);
            var wanted = Domain.Users.Roles.All.Where(command.Roles.Contains).ToList();
            var removed = current.Except(wanted).ToList();
            var added = wanted.Except(current).ToList();
            if (removed.Count > 0) (await users.RemoveFromRolesAsync(user, removed)).ThrowIfFailed();
            // The person's open session picks up the new roles within a minute: the security stamp check
            // (Program.cs) rebuilds their claims from the database.
            if (added.Count > 0) (await users.AddToRolesAsync(user, added)).ThrowIfFailed();
            return Unit.Value;
        }
    }
}
