using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Careers;

public sealed class CareersQueriesTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_list_only_open_postings_with_search_and_filters()
    {
        var recruiter = await App.CreateUserAsync("Careers Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Careers Manager", Roles.HiringManager);
        var remote = await App.CreatePostingAsync(recruiter, manager, title: "Senior Backend Engineer");
        var hybrid = await App.CreatePostingAsync(recruiter, manager, title: "Staff Platform Engineer");
        await App.WithDbAsync(async db =>
        {
            var p = await db.JobPostings.SingleAsync(x => x.Id == hybrid.Id);
            p.LocationType = LocationType.Hybrid;
            p.Location = "Berlin, Germany";
            p.Team = "Infrastructure";
            await db.SaveChangesAsync();
        });
        foreach (var status in new[] { PostingStatus.Draft, PostingStatus.AwaitingApproval, PostingStatus.Paused, PostingStatus.Closed })
            await App.CreatePostingAsync(recruiter, manager, status: status, title: $"Hidden {status}");

        async Task<Guid[]> Ids(ListOpenPostings.Query q) => (await App.SendAsync(q, null)).Items.Select(i => i.Id).Order().ToArray();

        var all = await App.SendAsync(new ListOpenPostings.Query(), null);
        Assert.Equal(2, all.TotalCount);
        Assert.Equal(2, all.OpenCount);
        Assert.Equal(["Infrastructure", "Platform Engineering"], all.Teams);
        Assert.Equal([hybrid.Id], await Ids(new ListOpenPostings.Query { LocationType = LocationType.Hybrid }));
        Assert.Equal([remote.Id], await Ids(new ListOpenPostings.Query { Team = "Platform Engineering" }));
        Assert.Equal([hybrid.Id], await Ids(new ListOpenPostings.Query { Q = "berlin" }));
        Assert.Equal([remote.Id], await Ids(new ListOpenPostings.Query { Q = "BACKEND" }));
        Assert.Empty(await Ids(new ListOpenPostings.Query { Q = "Hidden" }));
    }

    [Theory]
    [InlineData(PostingStatus.Draft)]
    [InlineData(PostingStatus.AwaitingApproval)]
    [InlineData(PostingStatus.Paused)]
    [InlineData(PostingStatus.Closed)]
    public async Task Should_not_show_a_posting_that_is_not_open(PostingStatus status)
    {
        var recruiter = await App.CreateUserAsync("Hidden Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Hidden Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager, status: status);

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetCareersPosting.Query(posting.Id), null));
        Assert.Empty(await App.SendAsync(new GetJobFeed.Query(), null));
    }

    [Fact]
    public async Task Should_show_the_salary_band_only_when_it_is_public()
    {
        var recruiter = await App.CreateUserAsync("Salary Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Salary Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager);

        var shown = await App.SendAsync(new GetCareersPosting.Query(posting.Id), null);
        Assert.Equal((150_000m, 220_000m, "USD"), (shown.SalaryMin, shown.SalaryMax, shown.SalaryCurrency));

        await App.WithDbAsync(async db =>
        {
            var p = await db.JobPostings.SingleAsync(x => x.Id == posting.Id);
            p.Salary = p.Salary with { IsPublic = false };
            await db.SaveChangesAsync();
        });
        var hidden = await App.SendAsync(new GetCareersPosting.Query(posting.Id), null);
        Assert.False(hidden.ShowsSalary);
        Assert.Null(hidden.SalaryMin);
        Assert.Null(hidden.SalaryMax);
        Assert.Null((await App.SendAsync(new ListOpenPostings.Query(), null)).Items.Single().SalaryMax);
    }

    [Fact]
    public async Task Should_give_the_apply_form_its_questions_and_the_retention_period_from_settings()
    {
        var recruiter = await App.CreateUserAsync("Form Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Form Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager);
        await App.WithDbAsync(async db =>
        {
            var setting = await db.Settings.SingleAsync(s => s.Key == Application.Domain.Operations.SettingKeys.RetentionMonths);
            setting.Value = "18";
            await db.SaveChangesAsync();
        });

        var form = await App.SendAsync(new GetApplyForm.Query(posting.Id), null);

        Assert.True(form.IsOpen);
        Assert.Equal(18, form.RetentionMonths);
        Assert.Equal([ScreeningAnswerKind.YesNo, ScreeningAnswerKind.Salary, ScreeningAnswerKind.ShortText], form.Questions.Select(q => q.Kind).ToArray());
        var result = await App.SendAsync(await App.ApplicationAsync(posting.Id), null);
        Assert.Equal(18, (await App.FindAsync<Application.Domain.Candidates.JobApplication>(result.ApplicationId!.Value))!.ConsentRetentionMonths);
    }
}
