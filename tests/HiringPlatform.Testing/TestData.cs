using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Application.Features.JobPostings.Shared;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Testing;

public sealed record StageInfo(Guid Id, string Name, int Order, StageKind Kind);

public sealed record PostingInfo(Guid Id, IReadOnlyList<StageInfo> Stages)
{
    public StageInfo Stage(string name) => Stages.Single(s => s.Name == name);
    public StageInfo First => Stages[0];
}

// Builders for arranging tests directly through the domain model (the use cases under test go through the mediator).
public static class TestData
{
    // A posting from the Senior Backend Engineer template (rubric + 8-stage plan), open unless told otherwise.
    public static async Task<PostingInfo> CreatePostingAsync(this AppFixture app, TestUser recruiter, TestUser hiringManager,
        IReadOnlyList<TestUser>? interviewers = null, PostingStatus status = PostingStatus.Open, string? title = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var team = new List<(Guid, TeamRole)> { (recruiter.Id, TeamRole.Recruiter), (hiringManager.Id, TeamRole.HiringManager) };
            team.AddRange((interviewers ?? []).Select(i => (i.Id, TeamRole.Interviewer)));
            var created = await TemplateLibrary.NewFromTemplateAsync(db, team, CancellationToken.None);
            if (title is not null) created.Posting.Title = title;
            var now = app.Clock.GetUtcNow();
            if (status != PostingStatus.Draft) created.Posting.SubmitForApproval(recruiter.Id, now);
            if (status is PostingStatus.Open or PostingStatus.Paused or PostingStatus.Closed) created.Posting.Approve(hiringManager.Id, now, null);
            if (status == PostingStatus.Paused) created.Posting.Pause(recruiter.Id, now, null);
            if (status == PostingStatus.Closed) created.Posting.Close(ClosedReason.Cancelled, recruiter.Id, now, null);
            TemplateLibrary.Add(db, created);
            await db.SaveChangesAsync();
            return new PostingInfo(created.Posting.Id,
                created.Stages.OrderBy(s => s.Order).Select(s => new StageInfo(s.Id, s.Name, s.Order, s.Kind)).ToList());
        });
    }

    public static async Task<Guid> CreateCandidateAsync(this AppFixture app, string fullName, string? email = null,
        Action<Candidate>? configure = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var candidate = new Candidate(fullName, email ?? $"{fullName.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():N}@example.com");
            configure?.Invoke(candidate);
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            return candidate.Id;
        });
    }

    // An active application, placed in the named stage (the first stage when none is given).
    public static async Task<Guid> CreateApplicationAsync(this AppFixture app, PostingInfo posting, Guid candidateId,
        string? stageName = null, CandidateSource source = CandidateSource.CareersSite)
    {
        return await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var application = new JobApplication(candidateId, posting.Id, posting.First.Id, source, null, now);
            if (stageName is not null && stageName != posting.First.Name) application.MoveTo(posting.Stage(stageName).Id, now);
            db.Applications.Add(application);
            db.ActivityEvents.Add(new ActivityEvent(candidateId, application.Id, now, null, ActivityKind.Applied, "Applied"));
            await db.SaveChangesAsync();
            return application.Id;
        });
    }

    public static async Task<(Guid CandidateId, Guid ApplicationId)> CreateApplicantAsync(this AppFixture app, PostingInfo posting,
        string fullName, string? stageName = null)
    {
        var candidateId = await app.CreateCandidateAsync(fullName);
        return (candidateId, await app.CreateApplicationAsync(posting, candidateId, stageName));
    }

    // A scheduled interview for the application's current stage (or the given one) with these interviewers.
    public static async Task<Guid> CreateInterviewAsync(this AppFixture app, Guid applicationId, IReadOnlyList<TestUser> interviewers,
        DateTimeOffset? startsAt = null, Guid? stageId = null, int durationMinutes = 60)
    {
        return await app.WithDbAsync(async db =>
        {
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
            var interview = new Interview(applicationId, application.PostingId, stageId ?? application.StageId,
                startsAt ?? app.Clock.GetUtcNow().AddDays(1), durationMinutes, "https://meet.example.com/abc");
            interview.SetInterviewers(interviewers.Select(i => i.Id));
            db.Interviews.Add(interview);
            await db.SaveChangesAsync();
            return interview.Id;
        });
    }

    public static Task<T> QueryAsync<T>(this AppFixture app, Func<AppDbContext, Task<T>> query) => app.WithDbAsync(query);
}
