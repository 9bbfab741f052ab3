using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Common;

// Bug 6 of issue #11 (ADR-0009): resource access is decided before validation, so a request about someone else's
// posting, candidate or interview is "not found" and no validation message tells what exists there.
public sealed class ResourceAuthorizationTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_answer_not_found_before_any_validator_speaks_for_a_recruiter_off_the_team()
    {
        var team = await App.CreateTeamAsync();
        var outsider = await App.CreateUserAsync("Off Team Recruiter", Roles.Recruiter);
        var otherManager = await App.CreateUserAsync("Off Team Manager", Roles.HiringManager);
        await App.CreatePostingAsync(outsider, otherManager);
        var candidateId = await App.CreateCandidateAsync("Known Person", "known.person@example.com");
        var applicationId = await App.CreateApplicationAsync(team.Posting, candidateId);
        var interviewId = await App.CreateInterviewAsync(applicationId, [team.Alice]);

        // AddCandidate to another team's posting with a known email: not found, not "already exists".
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new AddCandidate.Command
        {
            FullName = "Probe", Email = "known.person@example.com", PostingId = team.Posting.Id, Source = CandidateSource.Sourced,
        }, outsider));
        // Without a posting, the email is not checked at all.
        var noPosting = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new AddCandidate.Command
        {
            FullName = "Probe", Email = "known.person@example.com", Source = CandidateSource.Sourced,
        }, outsider));
        Assert.DoesNotContain(nameof(AddCandidate.Command.Email), noPosting.Errors.Keys);

        var other = await App.CreateCandidateAsync("Other Person", "other.person@example.com");
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new EditCandidate.Command
        {
            CandidateId = candidateId, FullName = "Probe", Email = "other.person@example.com",
        }, outsider));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new AddCandidateNote.Command
        {
            CandidateId = candidateId, ApplicationId = Guid.CreateVersion7(), Body = "",
        }, outsider));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ScheduleInterview.Command
        {
            ApplicationId = applicationId, StageId = Guid.CreateVersion7(), InterviewerIds = [], DurationMinutes = 1,
        }, outsider));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new RescheduleInterview.Command
        {
            InterviewId = interviewId, DurationMinutes = 1,
        }, outsider));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new CancelInterview.Command
        {
            InterviewId = interviewId, Reason = new string('x', 600),
        }, outsider));
        // The hiring manager of the posting is not its scheduler either (recruiters schedule).
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ScheduleInterview.Command
        {
            ApplicationId = applicationId, StageId = Guid.CreateVersion7(), InterviewerIds = [], DurationMinutes = 1,
        }, team.Manager with { Roles = [Roles.Recruiter] }));

        // On the team, the same mistakes get their field errors.
        var mine = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new ScheduleInterview.Command
        {
            ApplicationId = applicationId, StageId = Guid.CreateVersion7(), InterviewerIds = [], DurationMinutes = 1,
        }, team.Recruiter));
        Assert.Contains(nameof(ScheduleInterview.Command.StageId), mine.Errors.Keys);
        Assert.Equal(0, await App.QueryAsync(db => db.Candidates.CountAsync(c => c.FullName == "Probe")));
    }

    [Fact]
    public async Task Should_list_interviewers_only_for_a_posting_the_user_may_see()
    {
        var team = await App.CreateTeamAsync();
        var outsider = await App.CreateUserAsync("Curious Recruiter", Roles.Recruiter);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ListInterviewers.Query { PostingId = team.Posting.Id }, outsider));
        var seated = await App.CreateUserAsync("Seated Manager", Roles.HiringManager, Roles.Interviewer);
        await App.WithDbAsync(async db =>
        {
            db.PostingTeamMembers.Add(new HiringPlatform.Application.Domain.JobPostings.PostingTeamMember(team.Posting.Id, seated.Id, HiringPlatform.Application.Domain.JobPostings.TeamRole.Interviewer));
            await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ListInterviewers.Query { PostingId = team.Posting.Id }, seated));

        var list = await App.SendAsync(new ListInterviewers.Query { PostingId = team.Posting.Id }, team.Recruiter);
        Assert.Contains(list, i => i.Id == team.Alice.Id && i.OnTeam);
    }
}
