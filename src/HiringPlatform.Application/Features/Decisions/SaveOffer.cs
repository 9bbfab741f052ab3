using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Scoring;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// Drafts (or redrafts) the offer's terms. Outside the posting's band is allowed as a draft, but it cannot be
// approved until an admin approves the exception with a reason; changing the terms clears that approval.
public static class SaveOffer
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Guid>
    {
        public Guid ApplicationId { get; init; }
        public decimal? Salary { get; init; }
        public string? Currency { get; init; }
        public DateOnly? StartDate { get; init; }
        public string? Notes { get; init; }

        // The open offer's version the form was filled from (0: the page showed no open offer); null skips the check.
        public uint? Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Salary).NotNull().WithMessage("Enter the yearly salary.")
                .GreaterThan(0).WithMessage("The salary must be more than zero.")
                .LessThan(10_000_000_000m).WithMessage("That salary is too large.");
            RuleFor(c => c.Currency).NotEmpty().WithMessage("Enter the currency.")
                .Matches("^[A-Za-z]{3}$").WithMessage("Use a three-letter currency code, such as USD or EUR.");
            // Stop at the first failure; a .When() here would also have switched off NotNull.
            RuleFor(c => c.StartDate).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the start date.")
                .Must(d => d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage("The start date cannot be in the past.")
                .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(5))
                .WithMessage("The start date must be within the next five years.");
            RuleFor(c => c.Notes).MaximumLength(4000);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                ?? throw new NotFoundException("Application");
            if (!await db.IsHiringTeamAsync(user, application.PostingId, ct)) throw new NotFoundException("Application");
            if (!application.IsActive) throw new DomainException($"This application is {application.Status.ToString().ToLowerInvariant()}, so no offer can be made.");
            var band = await db.JobPostings.AsNoTracking().Where(p => p.Id == application.PostingId).Select(p => p.Salary).SingleAsync(ct);
            var now = clock.GetUtcNow();
            var currency = command.Currency!.ToUpperInvariant();
            var notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim();
            var open = await db.Offers.Where(o => o.ApplicationId == application.Id
                    && (o.Status == OfferStatus.Draft || o.Status == OfferStatus.Approved || o.Status == OfferStatus.Sent || o.Status == OfferStatus.Accepted))
                .OrderByDescending(o => o.CreatedAt).FirstOrDefaultAsync(ct);
            if (command.Version is { } seen && seen != (open?.Version ?? 0u))
                throw new ConcurrencyConflictException(
                    "Someone else changed this offer while you were editing it. The page now shows the current terms; save again to replace them with yours.");
            Offer offer;
            if (open is null)
            {
                await ApplicationScoring.EnsureOfferAllowedAsync(db, application, ct);
                offer = new Offer(application.Id, command.Salary!.Value, currency, command.StartDate!.Value, notes, user.RequireId());
                db.Offers.Add(offer);
                db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, now, user.RequireId(), ActivityKind.OfferDrafted, "Offer drafted"));
            }
            else
            {
                offer = open;
                offer.Update(command.Salary!.Value, currency, command.StartDate!.Value, notes);
            }
            offer.CheckBand(band);
            await db.SaveChangesAsync(ct);
            return offer.Id;
        }
    }
}
