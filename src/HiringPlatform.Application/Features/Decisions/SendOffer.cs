using System.Globalization;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// Sends the approved offer: the candidate gets an email with its terms (through the outbox, in this transaction).
public static class SendOffer
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
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
            var now = clock.GetUtcNow();
            var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == application.CandidateId, ct);
            if (candidate.IsErased) throw new DomainException("This candidate's personal data was erased, so the offer cannot be emailed.");
            var posting = await db.JobPostings.AsNoTracking().Where(p => p.Id == application.PostingId)
                .Select(p => new { p.Title, p.EmploymentType, p.LocationType, p.Location }).SingleAsync(ct);
            offer.MarkSent(application, now);
            db.OutboxEmails.Add(new OutboxEmail(candidate.Email, candidate.FullName, $"Your offer: {posting.Title}", Body(candidate.FullName, posting.Title, offer), null, now, candidate.Id));
            db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, now, user.RequireId(), ActivityKind.OfferSent, "Offer sent to the candidate"));
            await db.SaveChangesAsync(ct);
            return application.Id;
        }

        private static string Body(string name, string title, Offer offer) => $"""
            Dear {name},

            We are delighted to offer you the position of {title}. These are the terms of our offer:

            Salary: {OfferText.Money(offer.Salary, offer.Currency)} per year
            Start date: {offer.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}
            {(string.IsNullOrWhiteSpace(offer.Notes) ? "" : "Also: " + offer.Notes + "\n")}
            Please reply to this email to accept or decline the offer, or with any questions. We look forward to hearing from you.
            """;
    }
}

public static class OfferText
{
    public static string Money(decimal amount, string currency) =>
        $"{currency} {amount.ToString("#,0.##", CultureInfo.InvariantCulture)}";
}
