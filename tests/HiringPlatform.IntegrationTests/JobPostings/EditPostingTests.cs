using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.JobPostings;

public sealed class EditPostingTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(TestUser Recruiter, TestUser Manager, PostingInfo Posting)> ArrangeAsync(PostingStatus status = PostingStatus.Draft)
    {
        var recruiter = await App.CreateUserAsync("Edit Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Edit Manager", Roles.HiringManager);
        return (recruiter, manager, await App.CreatePostingAsync(recruiter, manager, status: status));
    }

    [Fact]
    public async Task Should_load_the_posting_as_the_edit_command()
    {
        var (recruiter, manager, posting) = await ArrangeAsync();

        var command = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        Assert.Equal("Senior Backend Engineer", command.Title);
        Assert.Equal(LocationType.Remote, command.LocationType);
        Assert.Equal(-8, command.TimeZoneMinOffset);
        Assert.Equal(3, command.TimeZoneMaxOffset);
        Assert.Equal(manager.Id, command.HiringManagerId);
        Assert.Equal([recruiter.Id], command.RecruiterIds);
        Assert.Equal(3, command.Questions.Count);
        Assert.NotEqual(0u, command.Version);
    }

    [Fact]
    public async Task Should_save_every_field_the_team_and_the_screening_questions()
    {
        var (recruiter, _, posting) = await ArrangeAsync();
        var second = await App.CreateUserAsync("Second Recruiter", Roles.Recruiter);
        var interviewer = await App.CreateUserAsync("Edit Interviewer", Roles.Interviewer);
        var command = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);
        var keptQuestion = command.Questions[2];

        await App.SendAsync(command with
        {
            Title = "Staff Backend Engineer",
            Level = JobLevel.Staff,
            Team = "Core Platform",
            LocationType = LocationType.Hybrid,
            Location = "Berlin, Germany",
            TimeZoneMinOffset = null,
            TimeZoneMaxOffset = null,
            EmploymentType = EmploymentType.Contract,
            SalaryMin = 120_000m,
            SalaryMax = 150_000m,
            SalaryCurrency = "EUR",
            SalaryIsPublic = false,
            Headcount = 2,
            DescriptionMarkdown = "New **about**",
            PerksMarkdown = "- Bikes",
            RecruiterIds = [recruiter.Id, second.Id],
            InterviewerIds = [interviewer.Id],
            // The third question moves first, the first is removed, a new one is added, an empty row is ignored.
            Questions =
            [
                keptQuestion with { Text = "When could you start?", Required = false },
                command.Questions[1],
                new EditPosting.QuestionInput { Text = "Link to code you are proud of", Kind = ScreeningAnswerKind.ShortText, Required = false },
                new EditPosting.QuestionInput { Text = "  " },
            ],
        }, recruiter);

        var saved = await App.WithDbAsync(db => db.JobPostings.Include(p => p.TeamMembers).Include(p => p.ScreeningQuestions).SingleAsync(p => p.Id == posting.Id));
        Assert.Equal("Staff Backend Engineer", saved.Title);
        Assert.Equal(JobLevel.Staff, saved.Level);
        Assert.Equal("Core Platform", saved.Team);
        Assert.Equal(LocationType.Hybrid, saved.LocationType);
        Assert.Equal("Berlin, Germany", saved.Location);
        Assert.Null(saved.TimeZoneMinOffset);
        Assert.Equal(EmploymentType.Contract, saved.EmploymentType);
        Assert.Equal(new SalaryBand { Min = 120_000m, Max = 150_000m, Currency = "EUR", IsPublic = false }, saved.Salary);
        Assert.Equal(2, saved.Headcount);
        Assert.Equal("New **about**", saved.DescriptionMarkdown);
        Assert.Equal("- Bikes", saved.PerksMarkdown);
        Assert.Equal(4, saved.TeamMembers.Count);
        Assert.Contains(saved.TeamMembers, m => m.UserId == second.Id && m.Role == TeamRole.Recruiter);
        Assert.Contains(saved.TeamMembers, m => m.UserId == interviewer.Id && m.Role == TeamRole.Interviewer);
        var questions = saved.ScreeningQuestions.OrderBy(q => q.Order).ToList();
        Assert.Equal(new[] { "When could you start?", command.Questions[1].Text!, "Link to code you are proud of" }, questions.Select(q => q.Text).ToArray());
        Assert.Equal(keptQuestion.Id, questions[0].Id);
        Assert.False(questions[0].Required);
        Assert.Equal([0, 1, 2], questions.Select(q => q.Order).ToArray());
        Assert.Equal(2, await App.WithDbAsync(db => db.ScreeningQuestions.CountAsync(q => q.PostingId == posting.Id && !q.Key.StartsWith("custom-"))));
    }

    [Fact]
    public async Task Should_refuse_a_salary_minimum_above_the_maximum()
    {
        var (recruiter, _, posting) = await ArrangeAsync();
        var command = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(command with { SalaryMin = 200_000m, SalaryMax = 150_000m }, recruiter));

        Assert.Equal("The maximum must be at least the minimum.", ex.Errors["SalaryMax"].Single());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Should_refuse_a_headcount_outside_one_to_a_hundred(int headcount)
    {
        var (recruiter, _, posting) = await ArrangeAsync();
        var command = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { Headcount = headcount }, recruiter));

        Assert.Equal("The headcount must be between 1 and 100.", ex.Errors["Headcount"].Single());
    }

    [Fact]
    public async Task Should_check_location_time_zones_currency_and_public_band()
    {
        var (recruiter, _, posting) = await ArrangeAsync();
        var command = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with
        {
            Title = "",
            Team = "",
            LocationType = LocationType.OnSite,
            Location = "",
            TimeZoneMinOffset = 5,
            TimeZoneMaxOffset = -3,
            SalaryCurrency = "dollars",
            SalaryMin = null,
            SalaryIsPublic = true,
            Questions = [new EditPosting.QuestionInput { Text = new string('x', 501) }],
        }, recruiter));

        Assert.Equal("Give the posting a title.", ex.Errors["Title"].Single());
        Assert.Equal("Name the team or department.", ex.Errors["Team"].Single());
        Assert.StartsWith("Say where the office is", ex.Errors["Location"].Single(), StringComparison.Ordinal);
        Assert.Equal("The latest time zone must not be west of the earliest one.", ex.Errors["TimeZoneMaxOffset"].Single());
        Assert.StartsWith("Give the currency as a three-letter code", ex.Errors["SalaryCurrency"].Single(), StringComparison.Ordinal);
        Assert.Equal("Give both ends of the band before showing it publicly.", ex.Errors["SalaryIsPublic"].Single());
        Assert.Equal("A question can be at most 500 characters.", ex.Errors["Questions[0].Text"].Single());
    }

    [Fact]
    public async Task Should_refuse_team_changes_that_break_the_team_rules()
    {
        var (recruiter, _, posting) = await ArrangeAsync();
        var interviewer = await App.CreateUserAsync("Not A Recruiter", Roles.Interviewer);
        var command = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with
        {
            HiringManagerId = null,
            RecruiterIds = [recruiter.Id, interviewer.Id, Guid.NewGuid()],
        }, recruiter));

        Assert.Equal("Choose the hiring manager.", ex.Errors["HiringManagerId"].Single());
        Assert.Contains(ex.Errors["RecruiterIds"], m => m.StartsWith("Not A Recruiter is not a recruiter", StringComparison.Ordinal));
        Assert.Contains(ex.Errors["RecruiterIds"], m => m.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_not_let_an_editor_take_themselves_off_the_team()
    {
        var (recruiter, _, posting) = await ArrangeAsync();
        var other = await App.CreateUserAsync("Other Recruiter", Roles.Recruiter);
        var command = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { RecruiterIds = [other.Id] }, recruiter));

        Assert.StartsWith("You cannot take yourself off the team", ex.Errors["RecruiterIds"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_stale_edit_when_someone_else_saved_first()
    {
        var (recruiter, manager, posting) = await ArrangeAsync();
        var mine = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);
        var theirs = await App.SendAsync(new EditPosting.Query(posting.Id), manager);
        await App.SendAsync(theirs with { Title = "Their title" }, manager);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => App.SendAsync(mine with { Title = "My title" }, recruiter));

        Assert.StartsWith("Someone else changed this", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Their title", (await App.FindAsync<JobPosting>(posting.Id))!.Title);
    }

    [Fact]
    public async Task Should_refuse_a_stale_edit_even_when_only_the_questions_changed()
    {
        var (recruiter, manager, posting) = await ArrangeAsync();
        var mine = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);
        var theirs = await App.SendAsync(new EditPosting.Query(posting.Id), manager);
        await App.SendAsync(theirs with { Questions = theirs.Questions.Take(1).ToList() }, manager);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => App.SendAsync(mine with { Questions = [] }, recruiter));

        Assert.Equal(1, await App.WithDbAsync(db => db.ScreeningQuestions.CountAsync(q => q.PostingId == posting.Id)));
    }

    [Fact]
    public async Task Should_answer_not_found_to_staff_outside_the_team_and_allow_admins()
    {
        var (_, _, posting) = await ArrangeAsync();
        var outsider = await App.CreateUserAsync("Outside Recruiter", Roles.Recruiter);
        var admin = await App.CreateUserAsync("Edit Admin", Roles.Admin);

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new EditPosting.Query(posting.Id), outsider));
        var command = await App.SendAsync(new EditPosting.Query(posting.Id), admin);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(command with { Title = "Hijacked" }, outsider));
        await App.SendAsync(command with { Title = "Fixed by admin" }, admin);
        Assert.Equal("Fixed by admin", (await App.FindAsync<JobPosting>(posting.Id))!.Title);
    }

    [Fact]
    public async Task Should_refuse_an_interviewer_even_on_the_team()
    {
        var recruiter = await App.CreateUserAsync("Team Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Team Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Team Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer], PostingStatus.Draft);
        var command = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new EditPosting.Query(posting.Id), interviewer));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(command with { Title = "Nope" }, interviewer));
    }

    [Fact]
    public async Task Should_refuse_editing_a_closed_posting()
    {
        var (recruiter, _, posting) = await ArrangeAsync(PostingStatus.Closed);
        var command = await App.SendAsync(new EditPosting.Query(posting.Id), recruiter);

        var ex = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(command with { Title = "Reopened?" }, recruiter));

        Assert.StartsWith("This posting is closed", ex.Message, StringComparison.Ordinal);
    }
}
