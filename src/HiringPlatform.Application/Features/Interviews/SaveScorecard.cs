using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Scoring;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews.Shared;
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
