using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.JobPostings;

public sealed class ListPostingsTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_list_only_the_team_s_postings_with_active_and_new_candidate_counts()
    {
        var recruiter = await App.CreateUserAsync("List Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("List Manager", Roles.HiringManager);
        var other = await App.CreateUserAsync("Other Recruiter", Roles.Recruiter);
        var open = await App.CreatePostingAsync(recruiter, manager, title: "Senior Backend Engineer");
        var draft = await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.Draft, title: "Lead Data Engineer");
        await App.CreatePostingAsync(other, manager, title: "Someone else's role");

        var (_, rejectedApplication) = await App.CreateApplicantAsync(open, "Rejected Candidate");
        await App.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == rejectedApplication);
            application.Reject(RejectionReason.ExperienceLevel, null, null, App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        App.Clock.Advance(TimeSpan.FromDays(-10));
        await App.CreateApplicantAsync(open, "Old Applicant");
        App.Clock.Reset();
        await App.CreateApplicantAsync(open, "New Applicant", "Recruiter screen");

        var list = await App.SendAsync(new ListPostings.Query(), recruiter);

        Assert.Equal(2, list.TotalCount);
        Assert.Equal([open.Id, draft.Id], list.Items.Select(i => i.Id).ToArray());
        var row = list.Items[0];
        Assert.Equal(2, row.ActiveCandidates);
        Assert.Equal(2, row.NewThisWeek);
        Assert.Equal(0, list.Items[1].ActiveCandidates);

        var admin = await App.CreateUserAsync("List Admin", Roles.Admin);
        Assert.Equal(3, (await App.SendAsync(new ListPostings.Query(), admin)).TotalCount);
    }

    [Fact]
    public async Task Should_filter_by_status_team_location_type_and_title()
    {
        var recruiter = await App.CreateUserAsync("Filter Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Filter Manager", Roles.HiringManager);
        var backend = await App.CreatePostingAsync(recruiter, manager, title: "Senior Backend Engineer");
        var data = await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.Paused, title: "Lead Data Engineer");
        await App.WithDbAsync(async db =>
        {
            var posting = await db.JobPostings.SingleAsync(p => p.Id == data.Id);
            posting.Team = "Data";
            posting.LocationType = LocationType.Hybrid;
            await db.SaveChangesAsync();
        });

        async Task<Guid[]> Ids(ListPostings.Query q) => (await App.SendAsync(q, recruiter)).Items.Select(i => i.Id).ToArray();

        Assert.Equal([data.Id], await Ids(new ListPostings.Query { Status = PostingStatus.Paused }));
        Assert.Equal([data.Id], await Ids(new ListPostings.Query { Team = "Data" }));
        Assert.Equal([backend.Id], await Ids(new ListPostings.Query { LocationType = LocationType.Remote }));
        Assert.Equal([backend.Id], await Ids(new ListPostings.Query { Q = "backend" }));
        Assert.Empty(await Ids(new ListPostings.Query { Q = "100%_" }));
        Assert.Equal(["Data", "Platform Engineering"], await App.SendAsync(new ListPostingTeams.Query(), recruiter));
    }

    [Fact]
    public async Task Should_page_through_postings()
    {
        var recruiter = await App.CreateUserAsync("Page Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Page Manager", Roles.HiringManager);
        for (var i = 0; i < ListPostings.PageSize + 2; i++)
            await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.Draft, title: $"Role {i:D2}");

        var first = await App.SendAsync(new ListPostings.Query(), recruiter);
        var second = await App.SendAsync(new ListPostings.Query { Page = 2 }, recruiter);
        var beyond = await App.SendAsync(new ListPostings.Query { Page = 99 }, recruiter);

        Assert.Equal(ListPostings.PageSize + 2, first.TotalCount);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(ListPostings.PageSize, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        Assert.Equal(2, beyond.Page);
    }
}
