using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

// An interviewer's own scorecard for an interview they sat on: save a draft as often as they like, then submit
// (which locks it; later changes go through AmendScorecard).
public static class SaveScorecard
{
    [Authorize(Roles = $"{Roles.Interviewer},{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Guid>, IScorecardForm, IIdempotentCommand
    {
        public Guid InterviewId { get; init; }
        // Made when the form is rendered: a submit sent twice submits once (IdempotencyBehaviour).
        public Guid? IdempotencyKey { get; init; }
        public List<RatingField> Ratings { get; init; } = [];
        public List<Guid> RedFlagIds { get; init; } = [];
        public Recommendation? Recommendation { get; init; }
        public JobLevel? SupportedLevel { get; init; }
        public string? PrivateNote { get; init; }

        // false: save as a draft; true: submit and lock.
        public bool Submit { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            ScorecardRules.Apply(this, db, c => c.Submit);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var me = user.RequireId();
            var (interview, posting, candidateId) = await ScorecardRules.LoadMyInterviewAsync(db, command.InterviewId, me, ct);
            var now = clock.GetUtcNow();
            var scorecard = await db.Scorecards.Include(s => s.Ratings).Include(s => s.RedFlags)
                .SingleOrDefaultAsync(s => s.InterviewId == interview.Id && s.InterviewerId == me, ct);
            if (scorecard is null)
            {
                scorecard = new Scorecard(interview.Id, interview.ApplicationId, me);
                db.Scorecards.Add(scorecard);
            }
            var (allowed, _) = await ScorecardCompetencies.ForAsync(db, interview.StageId, posting, scorecard, ct);
            scorecard.SaveDraft(ScorecardCompetencies.Inputs(allowed, command.Ratings), command.RedFlagIds,
                command.Recommendation, command.SupportedLevel, command.PrivateNote);
            if (command.Submit)
            {
                if (interview.StartsAt > now) throw new DomainException("The interview has not started yet: save a draft, and submit once it has taken place.");
                if (allowed.Any(c => command.Ratings.All(r => r.CompetencyId != c.CompetencyId)))
                    throw new DomainException("Rate every competency on the scorecard before submitting.");
                scorecard.Submit(now);
                (await db.InterviewParticipants.SingleAsync(p => p.InterviewId == interview.Id && p.InterviewerId == me, ct)).RecordFeedbackSubmitted();
                var application = await db.Applications.SingleAsync(a => a.Id == interview.ApplicationId, ct);
                await ApplicationScoring.RecalculateAsync(db, application, scorecard, ct);
                var stageName = await db.InterviewStages.Where(s => s.Id == interview.StageId).Select(s => s.Name).SingleAsync(ct);
                db.ActivityEvents.Add(new ActivityEvent(candidateId, interview.ApplicationId, now, me, ActivityKind.ScorecardSubmitted,
                    $"Scorecard submitted for {stageName}: {scorecard.Recommendation!.Value.Display().ToLowerInvariant()}"));
            }
            await db.SaveChangesAsync(ct);
            return scorecard.Id;
        }
    }
}

internal static class ScorecardRules
{
    public static void Apply<T>(AbstractValidator<T> v, AppDbContext db, Func<T, bool> complete) where T : IScorecardForm
    {
        v.RuleForEach(c => c.Ratings).ChildRules(r =>
        {
            r.RuleFor(x => x.Rating).InclusiveBetween(1, 4).When(x => x.Rating is not null).WithMessage("Ratings go from 1 to 4.");
            r.RuleFor(x => x.Evidence).MaximumLength(8000);
        });
        v.RuleForEach(c => c.Ratings).ChildRules(r =>
        {
            r.RuleFor(x => x.Rating).NotNull().WithMessage("Choose a rating.");
            r.RuleFor(x => x.Evidence).NotEmpty().WithMessage("Write the evidence: what the candidate said or did that supports this rating.");
        }).When(complete);
        v.RuleFor(c => c.Recommendation).NotNull().When(complete).WithMessage("Choose an overall recommendation.");
        v.RuleFor(c => c.Recommendation).IsInEnum();
        v.RuleFor(c => c.SupportedLevel).Must(l => l is null || ScorecardText.Levels.Contains(l.Value)).WithMessage("Choose one of the listed levels.");
        v.RuleFor(c => c.PrivateNote).MaximumLength(4000);
        v.RuleFor(c => c.RedFlagIds).MustAsync(async (ids, ct) =>
                ids.Count == 0 || await db.RedFlags.CountAsync(f => ids.Contains(f.Id), ct) == ids.Distinct().Count())
            .WithMessage("One of the red flags no longer exists; reload the page.");
    }

    // Only the interview's own participants write scorecards for it; anyone else is told it does not exist.
    public static async Task<(Interview Interview, Guid PostingId, Guid CandidateId)> LoadMyInterviewAsync(AppDbContext db, Guid interviewId, Guid me, CancellationToken ct)
    {
        var interview = await db.Interviews.AsNoTracking().Include(i => i.Participants).SingleOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null || interview.Participants.All(p => p.InterviewerId != me)) throw new NotFoundException("Interview");
        if (interview.Status == InterviewStatus.Cancelled) throw new DomainException("This interview was cancelled, so it takes no feedback.");
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == interview.ApplicationId)
            .Select(a => new { a.PostingId, a.CandidateId }).SingleAsync(ct);
        return (interview, application.PostingId, application.CandidateId);
    }
}
