using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests.Rubrics;

public sealed class InterviewKitTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_give_the_interviewer_the_stages_competencies_questions_and_red_flags()
    {
        var recruiter = await App.CreateUserAsync("Kit Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Kit Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Kit Interviewer", Roles.Interviewer);
        var other = await App.CreateUserAsync("Other Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer, other]);
        var candidateId = await App.CreateCandidateAsync("Grace Kit", configure: c => c.TimeZoneId = "America/New_York");
        var applicationId = await App.CreateApplicationAsync(posting, candidateId, "System design interview");
        var interviewId = await App.CreateInterviewAsync(applicationId, [interviewer]);

        var kit = await App.SendAsync(new GetInterviewKit.Query { InterviewId = interviewId }, interviewer);

        Assert.Equal("Grace Kit", kit.CandidateName);
        Assert.Equal("America/New_York", kit.CandidateTimeZoneId);
        Assert.Equal("System design interview", kit.StageName);
        Assert.True(kit.IsInterviewer);
        Assert.Equal(5, kit.Focus.Count);
        Assert.Equal("System architecture and design", kit.Focus[0].Name);
        Assert.Equal(4, kit.Focus[0].Levels.Count);
        Assert.Equal(1, kit.Focus[0].VersionNumber);
        Assert.Equal(4, kit.Questions.Count);
        Assert.All(kit.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q.GoodLooksLike)));
        Assert.Equal(5, kit.RedFlags.Count);
        Assert.NotNull(kit.MeetingLink);

        // Another interviewer on the team, not on this interview, must not learn it exists.
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetInterviewKit.Query { InterviewId = interviewId }, other));
        // The hiring team sees every kit of its posting.
        Assert.True((await App.SendAsync(new GetInterviewKit.Query { InterviewId = interviewId }, recruiter)).IsHiringTeam);
        var outsider = await App.CreateUserAsync("Kit Outsider", Roles.HiringManager);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetInterviewKit.Query { InterviewId = interviewId }, outsider));
    }
}
