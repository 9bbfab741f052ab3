using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Scoring;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews;

// A submitted scorecard is never rewritten silently: the amendment keeps what it said before, who changed it and why.
public static class AmendScorecard
{
    [Authorize(Roles = $"{Roles.Interviewer},{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Guid>, IScorecardForm
    {
        public Guid InterviewId { get; init; }
        public List<RatingField> Ratings { get; init; } = [];
        public List<Guid> RedFlagIds { get; init; } = [];
        public Recommendation? Recommendation { get; init; }
        public JobLevel? SupportedLevel { get; init; }
        public string? PrivateNote { get; init; }
        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            ScorecardRules.Apply(this, db, _ => true);
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why you are amending the scorecard.").MaximumLength(1000);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var me = user.RequireId();
            var (interview, posting, candidateId) = await ScorecardRules.LoadMyInterviewAsync(db, command.InterviewId, me, ct);
            var scorecard = await db.Scorecards.Include(s => s.Ratings).Include(s => s.RedFlags).Include(s => s.Amendments)
                .SingleOrDefaultAsync(s => s.InterviewId == interview.Id && s.InterviewerId == me, ct)
                ?? throw new NotFoundException("Scorecard");
            var (allowed, _) = await ScorecardCompetencies.ForAsync(db, interview.StageId, posting, scorecard, ct);
            var now = clock.GetUtcNow();
            scorecard.Amend(me, now, command.Reason!, ScorecardCompetencies.Inputs(allowed, command.Ratings), command.RedFlagIds,
                command.Recommendation!.Value, command.SupportedLevel, command.PrivateNote);
            var application = await db.Applications.SingleAsync(a => a.Id == interview.ApplicationId, ct);
            await ApplicationScoring.RecalculateAsync(db, application, scorecard, ct);
            db.ActivityEvents.Add(new ActivityEvent(candidateId, interview.ApplicationId, now, me, ActivityKind.ScorecardAmended,
                "Scorecard amended after submission"));
            await db.SaveChangesAsync(ct);
            return scorecard.Id;
        }
    }
}
