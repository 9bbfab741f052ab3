using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Application.Features.Interviews.Shared;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Testing;

// A posting with its team, for the interview and decision tests.
public sealed record Team(TestUser Recruiter, TestUser Manager, TestUser Alice, TestUser Bob, PostingInfo Posting);

public static class InterviewTestData
{
    public const string SystemDesign = "System design interview";

    public static async Task<Team> CreateTeamAsync(this AppFixture app, int headcount = 1)
    {
        var recruiter = await app.CreateUserAsync("Rae Recruiter", Roles.Recruiter);
        var manager = await app.CreateUserAsync("Hal Manager", Roles.HiringManager, Roles.Interviewer);
        var alice = await app.CreateUserAsync("Alice Interviewer", Roles.Interviewer);
        var bob = await app.CreateUserAsync("Bob Interviewer", Roles.Interviewer);
        var posting = await app.CreatePostingAsync(recruiter, manager, [alice, bob]);
        if (headcount != 1)
            await app.WithDbAsync(async db =>
            {
                var p = await db.JobPostings.SingleAsync(x => x.Id == posting.Id);
                p.Headcount = headcount;
                await db.SaveChangesAsync();
            });
        return new Team(recruiter, manager, alice, bob, posting);
    }

    public static Task SetUserZoneAsync(this AppFixture app, TestUser user, string zone) =>
        app.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.TimeZoneId = zone;
            await db.SaveChangesAsync();
        });

    public static Task SetCandidateZoneAsync(this AppFixture app, Guid candidateId, string? zone) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.Candidates.SingleAsync(x => x.Id == candidateId);
            c.TimeZoneId = zone;
            await db.SaveChangesAsync();
        });

    public static Task<Dictionary<string, Guid>> CompetencyIdsAsync(this AppFixture app) =>
        app.WithDbAsync(db => db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.Id));

    // A scorecard for every competency the interview's scorecard shows, with the given ratings by competency key
    // (others get `otherwise`), submitted unless told to save a draft.
    public static async Task<SaveScorecard.Command> ScorecardAsync(this AppFixture app, Guid interviewId, TestUser interviewer,
        IReadOnlyDictionary<string, int>? ratings = null, int otherwise = 3, Recommendation recommendation = Recommendation.Yes,
        JobLevel? level = JobLevel.Senior, bool submit = true)
    {
        var page = await app.SendAsync(new GetScorecard.Query { InterviewId = interviewId }, interviewer);
        var keys = await app.WithDbAsync(db => db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Key));
        return new SaveScorecard.Command
        {
            InterviewId = interviewId,
            Ratings = page.Competencies.Select(c => new RatingField
            {
                CompetencyId = c.CompetencyId,
                Rating = ratings is not null && ratings.TryGetValue(keys[c.CompetencyId], out var r) ? r : otherwise,
                Evidence = $"Walked through a concrete example for {c.Name}.",
            }).ToList(),
            Recommendation = recommendation,
            SupportedLevel = level,
            PrivateNote = "Would pair well with the platform team.",
            Submit = submit,
        };
    }

    public static async Task<Guid> SubmitScorecardAsync(this AppFixture app, Guid interviewId, TestUser interviewer,
        IReadOnlyDictionary<string, int>? ratings = null, int otherwise = 3, Recommendation recommendation = Recommendation.Yes)
    {
        var command = await app.ScorecardAsync(interviewId, interviewer, ratings, otherwise, recommendation);
        return await app.SendAsync(command, interviewer);
    }

    // An interview that ended two hours ago, ready for feedback.
    public static Task<Guid> CreatePastInterviewAsync(this AppFixture app, Guid applicationId, IReadOnlyList<TestUser> interviewers, Guid? stageId = null) =>
        app.CreateInterviewAsync(applicationId, interviewers, app.Clock.GetUtcNow().AddHours(-3), stageId, 60);
}
