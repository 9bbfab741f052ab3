using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// An admin lets an offer outside the posting's salary band go ahead, and says why (kept on the offer and audited).
public static class ApproveOfferException
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Guid>
    {
        public Guid OfferId { get; init; }
        public uint? Version { get; init; }
        public string? ExceptionReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.ExceptionReason).NotEmpty().WithMessage("Give the reason for going outside the band.").MaximumLength(1000);
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var (offer, application) = await OfferSteps.LoadAsync(db, user, command.OfferId, command.Version, ct);
            // Against the posting's band as it is now (it may have been edited since the draft).
            offer.CheckBand(await db.JobPostings.AsNoTracking().Where(p => p.Id == application.PostingId).Select(p => p.Salary).SingleAsync(ct));
            offer.ApproveException(user.RequireId(), command.ExceptionReason!);
            await db.SaveChangesAsync(ct);
            return application.Id;
        }
    }
}
