using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests.JobPostings;

public sealed class HomeQueriesTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_show_a_recruiter_postings_awaiting_approval_drafts_and_new_applications()
    {
        var recruiter = await App.CreateUserAsync("Home Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Home Manager", Roles.HiringManager);
        var open = await App.CreatePostingAsync(recruiter, manager, title: "Open role");
        var awaiting = await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.AwaitingApproval, title: "Awaiting role");
        var draft = await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.Draft, title: "Draft role");
        await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.Closed, title: "Closed role");
        await App.CreateApplicantAsync(open, "Fresh One");
        await App.CreateApplicantAsync(open, "Fresh Two");

        var home = await App.SendAsync(new GetRecruiterHome.Query(), recruiter);

        Assert.Equal([awaiting.Id], home.AwaitingApproval.Select(p => p.Id).ToArray());
        Assert.Equal([draft.Id], home.Drafts.Select(p => p.Id).ToArray());
        var fresh = Assert.Single(home.WithNewApplications);
        Assert.Equal((open.Id, 2), (fresh.Id, fresh.NewApplications));
        Assert.Equal(1, home.OpenCount);
        Assert.Equal(2, home.NewApplicationsTotal);
    }

    [Fact]
    public async Task Should_show_a_hiring_manager_only_the_postings_awaiting_their_own_approval()
    {
        var recruiter = await App.CreateUserAsync("Approval Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Approval Manager", Roles.HiringManager);
        var otherManager = await App.CreateUserAsync("Another Manager", Roles.HiringManager);
        var mine = await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.AwaitingApproval, title: "Mine");
        await App.CreatePostingAsync(recruiter, otherManager, status: PostingStatus.AwaitingApproval, title: "Theirs");
        await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.Open, title: "Already open");

        var list = await App.SendAsync(new GetPostingsAwaitingApproval.Query(), manager);

        var item = Assert.Single(list);
        Assert.Equal((mine.Id, "Approval Recruiter"), (item.Id, item.SubmittedBy));
        Assert.NotNull(item.SubmittedAt);
    }
}
