using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Decisions;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions.Shared;

internal static class OfferSteps
{
    // Loads an offer for a change, with the posting it belongs to; anyone off the posting's hiring team gets a 404.
    public static async Task<(Offer Offer, Domain.Candidates.JobApplication Application)> LoadAsync(AppDbContext db, ICurrentUser user,
        Guid offerId, uint? version, CancellationToken ct)
    {
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new NotFoundException("Offer");
        var application = await db.Applications.SingleAsync(a => a.Id == offer.ApplicationId, ct);
        if (!await db.IsHiringTeamAsync(user, application.PostingId, ct)) throw new NotFoundException("Offer");
        // The page showed one version of the offer; acting on a newer one the person has not seen is refused.
        if (version is not null && version != offer.Version)
            throw new ConcurrencyConflictException("Someone else changed this offer while you were looking at it. The page now shows the current version.");
        return (offer, application);
    }
}
