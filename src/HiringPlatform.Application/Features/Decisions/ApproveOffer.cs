using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// The posting's hiring manager signs off the terms before they go to the candidate.
public static class ApproveOffer
{
    [Authorize(Roles = Roles.HiringManager)]
    public sealed record Command : ICommand<Guid>
    {
        public Guid OfferId { get; init; }
        public uint? Version { get; init; }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var (offer, application) = await OfferSteps.LoadAsync(db, user, command.OfferId, command.Version, ct);
            if (!await db.CanDecideAsync(user, application.PostingId, ct))
                throw new ForbiddenAccessException("Only the posting's hiring manager approves its offers.");
            var now = clock.GetUtcNow();
            var band = await db.JobPostings.AsNoTracking().Where(p => p.Id == application.PostingId).Select(p => p.Salary).SingleAsync(ct);
            offer.Approve(application, band, user.RequireId(), now);
            db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, now, user.RequireId(), ActivityKind.OfferApproved, "Offer approved by the hiring manager"));
            await db.SaveChangesAsync(ct);
            return application.Id;
        }
    }
}
