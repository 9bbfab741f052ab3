using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Rubrics;

public sealed class CompetencyLifecycleTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private static CreateCompetency.Command NewCompetency(string name) => new()
    {
        Name = name,
        Definition = "Works with the product team to shape what gets built.",
        Level1 = "Takes tickets as written.",
        Level2 = "Asks clarifying questions when prompted.",
        Level3 = "Proposes scope changes with reasons.",
        Level4 = "Shapes the roadmap with product and design.",
    };

    [Fact]
    public async Task Should_create_a_competency_with_a_first_version()
    {
        var admin = await App.CreateUserAsync("Create Admin", Roles.Admin);
        var id = await App.SendAsync(NewCompetency("Product sense"), admin);
        var competency = await App.WithDbAsync(db => db.Competencies.Include(c => c.Versions).AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("product-sense", competency.Key);
        Assert.Equal("Product sense", Assert.Single(competency.Versions).Name);
    }

    [Fact]
    public async Task Should_refuse_a_second_competency_with_the_same_name()
    {
        var admin = await App.CreateUserAsync("Dup Admin", Roles.Admin);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(NewCompetency(" security-first DEVELOPMENT "), admin));
        Assert.Contains("already has a competency with this name", ex.Errors["Name"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_delete_a_competency_that_was_never_used()
    {
        var admin = await App.CreateUserAsync("Delete Admin", Roles.Admin);
        var id = await App.SendAsync(NewCompetency("Product sense"), admin);
        await App.SendAsync(new DeleteCompetency.Command { Id = id }, admin);
        Assert.Null(await App.FindAsync<Competency>(id));
    }

    [Fact]
    public async Task Should_refuse_to_delete_a_competency_in_a_rubric_and_offer_retiring()
    {
        var admin = await App.CreateUserAsync("Used Admin", Roles.Admin);
        var recruiter = await App.CreateUserAsync("Used Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Used Manager", Roles.HiringManager);
        var id = await App.SendAsync(NewCompetency("Product sense"), admin);
        var posting = await App.CreatePostingAsync(recruiter, manager);
        var form = await App.SendAsync(new EditRubric.Query { PostingId = posting.Id }, manager);
        var items = form.Items.Select(i => i.CompetencyId == id ? i with { Included = true, Weight = 5 } : i).ToList();
        await App.SendAsync(form with { Items = items }, manager);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new DeleteCompetency.Command { Id = id }, admin));
        Assert.Equal(["This competency is in use (1 rubric), so it can only be retired."], ex.Errors["Id"]);

        await App.SendAsync(new RetireCompetency.Command { Id = id }, admin);
        Assert.True((await App.FindAsync<Competency>(id))!.IsRetired);
        // Retiring leaves existing rubrics alone.
        var rubric = await App.SendAsync(new GetRubric.Query { PostingId = posting.Id }, manager);
        Assert.Contains(rubric.Items, i => i.CompetencyId == id && i.IsRetired);
    }

    [Fact]
    public async Task Should_refuse_to_delete_a_competency_a_scorecard_rated()
    {
        var admin = await App.CreateUserAsync("Rated Admin", Roles.Admin);
        var recruiter = await App.CreateUserAsync("Rated Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Rated Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Rated Interviewer", Roles.Interviewer);
        var id = await App.SendAsync(NewCompetency("Product sense"), admin);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer]);
        var (_, applicationId) = await App.CreateApplicantAsync(posting, "Rita Rated", "Coding exercise");
        var interviewId = await App.CreateInterviewAsync(applicationId, [interviewer]);
        await App.CreateScorecardAsync(interviewId, applicationId, interviewer, "product-sense", submit: false);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new DeleteCompetency.Command { Id = id }, admin));
        Assert.Contains("1 scorecard rating", ex.Errors["Id"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_delete_a_seeded_competency()
    {
        var admin = await App.CreateUserAsync("Seed Admin", Roles.Admin);
        var id = await App.CompetencyIdAsync("remote-communication");
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new DeleteCompetency.Command { Id = id }, admin));
        Assert.Contains("retire it instead", ex.Errors["Id"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_hide_a_retired_competency_from_the_library_until_restored()
    {
        var admin = await App.CreateUserAsync("Retire Admin", Roles.Admin);
        var manager = await App.CreateUserAsync("Retire Manager", Roles.HiringManager);
        var id = await App.CompetencyIdAsync("leadership-mentoring");

        await App.SendAsync(new RetireCompetency.Command { Id = id }, admin);
        var list = await App.SendAsync(new ListCompetencies.Query(), manager);
        Assert.DoesNotContain(list.Items, c => c.Id == id);
        Assert.Equal(1, list.RetiredCount);
        Assert.Contains((await App.SendAsync(new ListCompetencies.Query { IncludeRetired = true }, manager)).Items, c => c.Id == id && c.IsRetired);

        await App.SendAsync(new RestoreCompetency.Command { Id = id }, admin);
        Assert.Contains((await App.SendAsync(new ListCompetencies.Query(), manager)).Items, c => c.Id == id);
    }

    [Fact]
    public async Task Should_leave_retired_competencies_out_of_a_new_template_posting()
    {
        var admin = await App.CreateUserAsync("Template Admin", Roles.Admin);
        var recruiter = await App.CreateUserAsync("Template Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Template Manager", Roles.HiringManager);
        await App.SendAsync(new RetireCompetency.Command { Id = await App.CompetencyIdAsync("cloud-devops") }, admin);

        var posting = await App.CreatePostingAsync(recruiter, manager);

        var rubric = await App.SendAsync(new GetRubric.Query { PostingId = posting.Id }, manager);
        Assert.Equal(9, rubric.Items.Count);
        Assert.DoesNotContain(rubric.Items, i => i.Name == "Cloud and DevOps");
    }
}
