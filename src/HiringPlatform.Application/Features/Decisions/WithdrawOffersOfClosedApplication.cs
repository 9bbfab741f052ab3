using HiringPlatform.Application.Common.Events;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// An offer never outlives its application: closing it withdraws every offer still open (a draft, an approved one,
// or one sent and not answered), so none can be approved or sent to a rejected candidate afterwards (ADR-0022).
// A merge that combines a duplicate's application into a closed one withdraws the open offers it brought (ADR-0023).
public sealed class WithdrawOffersOfClosedApplication(AppDbContext db, ICurrentUser user)
    : IDomainEventHandler<ApplicationClosed>, IDomainEventHandler<ApplicationCombined>
{
    public Task HandleAsync(ApplicationClosed closed, CancellationToken ct) =>
        WithdrawOpenAsync(closed.Application, closed.At, closed is ApplicationWithdrawn { By: not WithdrawnBy.HiringTeam } ? null : user.Id, ct);

    public Task HandleAsync(ApplicationCombined combined, CancellationToken ct) =>
        combined.Application.IsActive ? Task.CompletedTask : WithdrawOpenAsync(combined.Application, combined.At, user.Id, ct);

    private async Task WithdrawOpenAsync(JobApplication application, DateTimeOffset at, Guid? actorId, CancellationToken ct)
    {
        var open = await db.Offers.Where(o => o.ApplicationId == application.Id
            && (o.Status == OfferStatus.Draft || o.Status == OfferStatus.Approved || o.Status == OfferStatus.Sent)).ToListAsync(ct);
        foreach (var offer in open.Where(o => o.IsOpen))
        {
            offer.Withdraw(at);
            db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, at, actorId, ActivityKind.OfferWithdrawn,
                $"Offer withdrawn: the application was {application.Status.ToString().ToLowerInvariant()}"));
        }
    }
}
