using HiringPlatform.Application.Common.Events;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// An offer never outlives its application: closing it withdraws every offer still open (a draft, an approved one,
// or one sent and not answered), so none can be approved or sent to a rejected candidate afterwards (ADR-0022).
public sealed class WithdrawOffersOfClosedApplication(AppDbContext db, ICurrentUser user) : IDomainEventHandler<ApplicationClosed>
{
    public async Task HandleAsync(ApplicationClosed closed, CancellationToken ct)
    {
        var application = closed.Application;
        var open = await db.Offers.Where(o => o.ApplicationId == application.Id
            && (o.Status == OfferStatus.Draft || o.Status == OfferStatus.Approved || o.Status == OfferStatus.Sent)).ToListAsync(ct);
        foreach (var offer in open.Where(o => o.IsOpen))
        {
            offer.Withdraw(closed.At);
            db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, closed.At,
                closed is ApplicationWithdrawn { By: not WithdrawnBy.HiringTeam } ? null : user.Id, ActivityKind.OfferWithdrawn,
                $"Offer withdrawn: the application was {application.Status.ToString().ToLowerInvariant()}"));
        }
    }
}
