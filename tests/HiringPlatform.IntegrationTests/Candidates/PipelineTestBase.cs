using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests.Candidates;

// A posting with its team, ready for pipeline tests.
public abstract class PipelineTestBase(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    protected TestUser Recruiter { get; private set; } = null!;
    protected TestUser Manager { get; private set; } = null!;
    protected TestUser Interviewer { get; private set; } = null!;
    protected PostingInfo Posting { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Recruiter = await App.CreateUserAsync("Rita Recruiter", Roles.Recruiter);
        Manager = await App.CreateUserAsync("Hank Manager", Roles.HiringManager, Roles.Interviewer);
        Interviewer = await App.CreateUserAsync("Ivy Interviewer", Roles.Interviewer);
        Posting = await App.CreatePostingAsync(Recruiter, Manager, [Interviewer]);
    }

    protected Task<uint> VersionOf(Guid applicationId) =>
        App.QueryAsync(async db => (await db.Applications.FindAsync(applicationId))!.Version);
}
