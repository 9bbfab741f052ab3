using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Scoring;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Decisions;

// The debrief decision, taken by the posting's hiring manager with a written rationale: advance to the next stage,
// reject with a structured reason, or make an offer (moves to the Offer stage and opens a draft offer).
public static class RecordDecision
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Model>
    {
        public Guid ApplicationId { get; init; }
    }

    public sealed record Model
    {
        public Guid ApplicationId { get; init; }
        public Guid CandidateId { get; init; }
        public string CandidateName { get; init; } = "";
        public Guid PostingId { get; init; }
        public string PostingTitle { get; init; } = "";
        public string StageName { get; init; } = "";
        public ApplicationStatus Status { get; init; }
        public decimal? WeightedScore { get; init; }
        public int ScorecardCount { get; init; }
        public int PendingFeedback { get; init; }
        public IReadOnlyDictionary<Recommendation, int> Recommendations { get; init; } = new Dictionary<Recommendation, int>();
        public string? NextStageName { get; init; }
        public bool HasOfferStage { get; init; }
        public bool CanDecide { get; init; }

        // The debrief gate (ScoreResult.ReadyForDebrief): without it an offer needs the hiring manager's written reason.
        public bool ReadyForDebrief { get; init; }
        public IReadOnlyList<Option> Competencies { get; init; } = [];
        public IReadOnlyList<Past> History { get; init; } = [];
        public Command Form { get; init; } = new();
    }

    public sealed record Option(Guid Id, string Name);

    public sealed record Past(DecisionKind Kind, RejectionReason? RejectionReason, string Rationale, string DecidedBy, DateTimeOffset At,
        string? CoverageOverrideReason = null);

    [Authorize(Roles = Roles.HiringManager)]
    public sealed record Command : ICommand<DecisionKind>
    {
        public Guid ApplicationId { get; init; }
        public DecisionKind? Kind { get; init; }
        public RejectionReason? RejectionReason { get; init; }
        public Guid? RejectionCompetencyId { get; init; }
        public string? Rationale { get; init; }

        // Why an offer goes ahead although the panel's feedback does not cover every must-have (the debrief gate).
        public string? CoverageOverrideReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(c => c.Kind).NotNull().WithMessage("Choose the decision.").IsInEnum();
            RuleFor(c => c.RejectionReason).NotNull().When(c => c.Kind == DecisionKind.Reject).WithMessage("Choose the reason for rejecting.").IsInEnum();
            RuleFor(c => c.RejectionCompetencyId).NotNull()
                .When(c => c.Kind == DecisionKind.Reject && c.RejectionReason == Domain.Candidates.RejectionReason.SkillsGap)
                .WithMessage("Name the competency that is missing.");
            RuleFor(c => c.RejectionCompetencyId)
                .MustAsync(async (c, id, ct) => await (
                    from r in db.RubricItems where r.CompetencyId == id
                    join a in db.Applications on r.PostingId equals a.PostingId where a.Id == c.ApplicationId select r).AnyAsync(ct))
                .When(c => c.RejectionCompetencyId is not null && c.Kind == DecisionKind.Reject)
                .WithMessage("Choose a competency from this posting's rubric.");
            RuleFor(c => c.Rationale).NotEmpty().WithMessage("Write down the rationale: what the panel saw that led to this decision.")
                .MaximumLength(Decision.MaxRationaleLength);
            RuleFor(c => c.CoverageOverrideReason).MaximumLength(Decision.MaxOverrideReasonLength);
            // A rejection keeps its rationale as the application's rejection note, which holds less.
            RuleFor(c => c.Rationale).MaximumLength(JobApplication.MaxRejectionNoteLength).When(c => c.Kind == DecisionKind.Reject)
                .WithMessage($"A rejection's rationale becomes the rejection note, which holds at most {JobApplication.MaxRejectionNoteLength:N0} characters.");
        }
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var app = await (
                from a in db.Applications.AsNoTracking()
                where a.Id == query.ApplicationId
                join c in db.Candidates on a.CandidateId equals c.Id
                join p in db.JobPostings on a.PostingId equals p.Id
                join s in db.InterviewStages on a.StageId equals s.Id
                select new { a.Id, a.CandidateId, c.FullName, a.PostingId, p.Title, StageName = s.Name, StageOrder = s.Order, a.Status, a.WeightedScore })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Application");
            if (!await db.IsHiringTeamAsync(user, app.PostingId, ct)) throw new NotFoundException("Application");

            var stages = await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == app.PostingId).OrderBy(s => s.Order)
                .Select(s => new { s.Name, s.Order, s.Kind }).ToListAsync(ct);
            var recs = await db.Scorecards.AsNoTracking()
                .Where(s => s.ApplicationId == app.Id && s.Status == ScorecardStatus.Submitted && s.Recommendation != null)
                .GroupBy(s => s.Recommendation).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var pending = await (
                from p in db.InterviewParticipants
                join i in db.Interviews on p.InterviewId equals i.Id
                where i.ApplicationId == app.Id && i.Status != InterviewStatus.Cancelled
                      && !db.Scorecards.Any(s => s.InterviewId == i.Id && s.InterviewerId == p.InterviewerId && s.Status == ScorecardStatus.Submitted)
                select p).CountAsync(ct);
            var competencies = await (
                from r in db.RubricItems.AsNoTracking()
                where r.PostingId == app.PostingId
                join c in db.Competencies on r.CompetencyId equals c.Id
                orderby r.Order
                select new Option(c.Id, c.Name)).ToListAsync(ct);
            var history = await (
                from d in db.Decisions.AsNoTracking()
                where d.ApplicationId == app.Id
                join u in db.Users on d.DecidedBy equals u.Id
                orderby d.At descending
                select new Past(d.Kind, d.RejectionReason, d.Rationale, u.DisplayName, d.At, d.CoverageOverrideReason)).Take(20).ToListAsync(ct);

            return new Model
            {
                ApplicationId = app.Id,
                CandidateId = app.CandidateId,
                CandidateName = app.FullName,
                PostingId = app.PostingId,
                PostingTitle = app.Title,
                StageName = app.StageName,
                Status = app.Status,
                WeightedScore = app.WeightedScore,
                ScorecardCount = recs.Sum(r => r.Count),
                PendingFeedback = pending,
                Recommendations = Enum.GetValues<Recommendation>().ToDictionary(r => r, r => recs.FirstOrDefault(x => x.Key == r)?.Count ?? 0),
                NextStageName = DecisionStages.Next(stages.Select(s => (s.Order, s.Kind, s.Name)), app.StageOrder)?.Name,
                HasOfferStage = stages.Any(s => s.Kind == StageKind.Offer),
                CanDecide = await db.CanDecideAsync(user, app.PostingId, ct),
                ReadyForDebrief = (await ApplicationScoring.CurrentAsync(db, app.Id, app.PostingId, ct)).ReadyForDebrief,
                Competencies = competencies,
                History = history,
                Form = new Command { ApplicationId = app.Id },
            };
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, DecisionKind>
    {
        public async ValueTask<DecisionKind> Handle(Command command, CancellationToken ct)
        {
            var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == command.ApplicationId, ct)
                ?? throw new NotFoundException("Application");
            if (!await db.IsHiringTeamAsync(user, application.PostingId, ct)) throw new NotFoundException("Application");
            if (!await db.CanDecideAsync(user, application.PostingId, ct))
                throw new ForbiddenAccessException("Only the posting's hiring manager records the debrief decision.");
            var me = user.RequireId();
            var now = clock.GetUtcNow();
            var kind = command.Kind!.Value;
            var stages = await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == application.PostingId).OrderBy(s => s.Order)
                .Select(s => new { s.Id, s.Name, s.Order, s.Kind }).ToListAsync(ct);
            var current = stages.Single(s => s.Id == application.StageId);
            var summary = "";
            Decision? decision = null;
            switch (kind)
            {
                case DecisionKind.Advance:
                {
                    var next = DecisionStages.Next(stages.Select(s => (s.Order, s.Kind, s.Name)), current.Order)
                        ?? throw new DomainException("This is the last stage before the offer: make an offer or reject instead.");
                    application.MoveTo(stages.Single(s => s.Order == next.Order).Id, now);
                    summary = $"Debrief decision: advance from {current.Name} to {next.Name}";
                    break;
                }
                case DecisionKind.Reject:
                {
                    // The same domain step as the board's reject: ApplicationRejected carries it to the timeline, the
                    // candidate's record, the interviews still ahead and any open offer (ADR-0022).
                    application.Reject(command.RejectionReason!.Value, command.RejectionCompetencyId, command.Rationale, now);
                    summary = $"Debrief decision: reject ({DecisionText.Display(command.RejectionReason.Value).ToLowerInvariant()})";
                    break;
                }
                default:
                {
                    var offerStage = stages.FirstOrDefault(s => s.Kind == StageKind.Offer)
                        ?? throw new DomainException("This posting's plan has no Offer stage; add one to the plan first.");
                    if (!application.IsActive) throw new DomainException($"This application is {application.Status.ToString().ToLowerInvariant()}, so no offer can be made.");
                    // The debrief gate: the panel's coverage of the must-haves, or the hiring manager's written reason.
                    decision = Decision.ForOffer(application.Id, me, command.Rationale!,
                        await ApplicationScoring.CurrentAsync(db, application.Id, application.PostingId, ct), command.CoverageOverrideReason, now);
                    if (application.StageId != offerStage.Id)
                    {
                        application.MoveTo(offerStage.Id, now);
                    }
                    var open = await db.Offers.AnyAsync(o => o.ApplicationId == application.Id
                        && (o.Status == OfferStatus.Draft || o.Status == OfferStatus.Approved || o.Status == OfferStatus.Sent), ct);
                    if (!open)
                    {
                        var band = await db.JobPostings.AsNoTracking().Where(p => p.Id == application.PostingId).Select(p => p.Salary).SingleAsync(ct);
                        var offer = OfferDefaults.Draft(application.Id, band, DateOnly.FromDateTime(now.UtcDateTime), me);
                        db.Offers.Add(offer);
                        db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, now, me, ActivityKind.OfferDrafted, "Offer drafted"));
                    }
                    summary = decision.CoverageOverrideReason is null
                        ? "Debrief decision: make an offer"
                        : "Debrief decision: make an offer, without full coverage of the must-haves (reason recorded)";
                    break;
                }
            }
            db.Decisions.Add(decision ?? new Decision(application.Id, me, kind, command.Rationale!, kind == DecisionKind.Reject ? command.RejectionReason : null, now));
            db.ActivityEvents.Add(new ActivityEvent(application.CandidateId, application.Id, now, me, ActivityKind.DecisionRecorded, summary));
            await db.SaveChangesAsync(ct);
            return kind;
        }
    }
}

internal static class DecisionStages
{
    // "Advance" goes to the next stage in the plan, but never into the Offer stage: that is what "make an offer" is for.
    public static (int Order, StageKind Kind, string Name)? Next(IEnumerable<(int Order, StageKind Kind, string Name)> stages, int currentOrder)
    {
        var next = stages.Where(s => s.Order > currentOrder).OrderBy(s => s.Order).FirstOrDefault();
        return next.Name is null || next.Kind == StageKind.Offer ? null : next;
    }
}

public static class DecisionText
{
    public static string Display(RejectionReason reason) => reason switch
    {
        RejectionReason.SkillsGap => "Skills gap",
        RejectionReason.ExperienceLevel => "Experience level",
        RejectionReason.Compensation => "Compensation",
        RejectionReason.LocationOrTimeZone => "Location or time zone",
        RejectionReason.PositionFilled => "Position filled",
        RejectionReason.CandidateWithdrew => "Candidate withdrew",
        _ => "Other",
    };

    public static string Display(DecisionKind kind) => kind switch
    {
        DecisionKind.Advance => "Advance",
        DecisionKind.Reject => "Reject",
        _ => "Make an offer",
    };

    public static string Display(OfferStatus status) => status.ToString();
}
