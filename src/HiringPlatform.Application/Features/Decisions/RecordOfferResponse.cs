using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// The recruiter records the candidate's answer. Accepted: the application is hired, the posting fills one opening
// (closing as filled at its headcount) and the candidate's retention clock starts. The posting's other open
// applications are left for the recruiter to close with a proper reason.
public static class RecordOfferResponse
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Guid>
    {
        public Guid OfferId { get; init; }
        public uint? Version { get; init; }
        public bool Accepted { get; init; }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var (offer, application) = await OfferSteps.LoadAsync(db, user, command.OfferId, command.Version, ct);
            var now = clock.GetUtcNow();
            var me = user.RequireId();
            if (command.Accepted)
            {
                offer.Accept(now);
                application.Hire(now);
                var posting = await db.JobPostings.SingleAsync(p => p.Id == application.PostingId, ct);
                posting.RecordHire(me, now);
                // The history was not loaded, so every event in it is new. EF would take a client-made Guid key found
                // through a navigation for an existing row (and update nothing), so they are added explicitly.
                foreach (var added in posting.History) db.Entry(added).State = EntityState.Added;
                db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, now, me, ActivityKind.OfferAccepted, "Offer accepted"));
            }
            else
            {
                offer.Decline(now);
                db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, now, me, ActivityKind.OfferDeclined, "Offer declined by the candidate"));
            }
            await db.SaveChangesAsync(ct);
            return application.Id;
        }
    }
}
