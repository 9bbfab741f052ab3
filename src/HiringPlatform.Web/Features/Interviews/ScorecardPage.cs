using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Application.Features.Interviews.Shared;

namespace HiringPlatform.Web.Features.Interviews;

// The scorecard page: the interview's scorecard, the panel's feedback once the viewer has submitted theirs, and what
// was typed when a save was refused (else the stored values).
public sealed record ScorecardPage(GetScorecard.Model Card, GetPanelFeedback.Model? Panel, IScorecardForm? Posted)
{
    public IScorecardForm Values => Posted ?? Card.Form;

    public ScorecardFields Fields => new(Card, Values);
}

// What the scorecard form partial renders: the values under the same names the commands bind (so field errors line up),
// with the scorecard's competencies and red flags beside them.
public sealed record ScorecardFields(GetScorecard.Model Card, IScorecardForm Values) : IScorecardForm
{
    public bool Amend => Values is AmendScorecard.Command;
    public Guid InterviewId => Values.InterviewId;
    public List<RatingField> Ratings => Values.Ratings;
    public List<Guid> RedFlagIds => Values.RedFlagIds;
    public Recommendation? Recommendation => Values.Recommendation;
    public JobLevel? SupportedLevel => Values.SupportedLevel;
    public string? PrivateNote => Values.PrivateNote;
}
