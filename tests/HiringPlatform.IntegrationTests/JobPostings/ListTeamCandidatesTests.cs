using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.JobPostings;

public sealed class ListTeamCandidatesTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_list_active_users_holding_the_role_by_name()
    {
        var recruiter = await App.CreateUserAsync("Zoe Recruiter", Roles.Recruiter);
        var hm = await App.CreateUserAsync("Bea Manager", Roles.HiringManager, Roles.Interviewer);
        var am = await App.CreateUserAsync("Abe Manager", Roles.HiringManager);
        var gone = await App.CreateUserAsync("Gone Manager", Roles.HiringManager);
        await App.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == gone.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });

        var managers = await App.SendAsync(new ListTeamCandidates.Query(Roles.HiringManager), recruiter);
        var interviewers = await App.SendAsync(new ListTeamCandidates.Query(Roles.Interviewer), recruiter);

        Assert.Equal([am.Id, hm.Id], managers.Select(m => m.Id).ToArray());
        Assert.Equal([hm.Id], interviewers.Select(m => m.Id).ToArray());
        Assert.Equal(hm.Email, interviewers[0].Email);
    }

    [Fact]
    public async Task Should_refuse_interviewers()
    {
        var interviewer = await App.CreateUserAsync("Curious Interviewer", Roles.Interviewer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new ListTeamCandidates.Query(Roles.Recruiter), interviewer));
    }
}
