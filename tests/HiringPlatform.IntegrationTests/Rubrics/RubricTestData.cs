using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Rubrics;

// Builders for the rubric tests, beside the shared TestData (which stays untouched).
public static class RubricTestData
{
    public static Task<Guid> CompetencyIdAsync(this AppFixture app, string key) =>
        app.WithDbAsync(db => db.Competencies.Where(c => c.Key == key).Select(c => c.Id).SingleAsync());

    public static Task<Guid> QuestionIdAsync(this AppFixture app, string key) =>
        app.WithDbAsync(db => db.Questions.Where(q => q.Key == key).Select(q => q.Id).SingleAsync());

    // A scorecard rated against the competency's current version, written through the domain, then submitted
    // (or left as a draft).
    public static Task<Guid> CreateScorecardAsync(this AppFixture app, Guid interviewId, Guid applicationId, TestUser interviewer,
        string competencyKey, bool submit = true)
    {
        return app.WithDbAsync(async db =>
        {
            var competency = await db.Competencies.Include(c => c.Versions).SingleAsync(c => c.Key == competencyKey);
            var scorecard = new Scorecard(interviewId, applicationId, interviewer.Id);
            scorecard.SaveDraft(
                [new ScorecardRatingInput(competency.Id, competency.CurrentVersionId, competency.Name, 3, "Compared two designs and picked one for stated reasons.")],
                [], Recommendation.Yes, null, null);
            if (submit) scorecard.Submit(app.Clock.GetUtcNow());
            db.Scorecards.Add(scorecard);
            await db.SaveChangesAsync();
            return scorecard.Id;
        });
    }
}
