using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews.Shared;

// The rules a scorecard's form follows, and who may write one: shared by SaveScorecard and AmendScorecard.
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
