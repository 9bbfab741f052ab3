using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests.Rubrics;

public sealed class QuestionBankTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_find_questions_by_the_competency_they_probe()
    {
        var recruiter = await App.CreateUserAsync("Bank Recruiter", Roles.Recruiter);
        var security = await App.CompetencyIdAsync("security");
        var apiSecurity = await App.QuestionIdAsync("api-security");

        var result = await App.SendAsync(new ListQuestions.Query { CompetencyId = security }, recruiter);

        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, q => Assert.Contains(q.Competencies, c => c.Id == security));
        Assert.Contains(result.Items, q => q.Id == apiSecurity);
    }

    [Fact]
    public async Task Should_search_question_text_case_insensitively_and_safely()
    {
        var manager = await App.CreateUserAsync("Bank Manager", Roles.HiringManager);
        var result = await App.SendAsync(new ListQuestions.Query { Q = "AI-GENERATED" }, manager);
        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, q => Assert.Contains("ai-generated", q.Text, StringComparison.OrdinalIgnoreCase));

        // LIKE wildcards are matched literally.
        Assert.Empty((await App.SendAsync(new ListQuestions.Query { Q = "%_%" }, manager)).Items);
    }

    [Fact]
    public async Task Should_combine_text_and_competency_and_page_with_a_keyset()
    {
        var manager = await App.CreateUserAsync("Paging Manager", Roles.HiringManager);
        var all = await App.SendAsync(new ListQuestions.Query(), manager);
        Assert.True(all.Items.Count > 0);
        var total = all.Items.Count;
        if (all.NextAfter is { } next) total += (await App.SendAsync(new ListQuestions.Query { After = next }, manager)).Items.Count;
        Assert.True(total >= 10);

        var design = await App.CompetencyIdAsync("system-design");
        var combined = await App.SendAsync(new ListQuestions.Query { Q = "scale", CompetencyId = design }, manager);
        Assert.All(combined.Items, q => Assert.Contains("scale", q.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Should_create_edit_and_retire_a_question()
    {
        var manager = await App.CreateUserAsync("Author Manager", Roles.HiringManager);
        var security = await App.CompetencyIdAsync("security");
        var id = await App.SendAsync(new CreateQuestion.Command
        {
            Text = "Walk me through how you would store API keys for a service.",
            GoodLooksLike = "A secrets manager, rotation, least privilege.",
            RedFlags = "Keys in source control.",
            CompetencyIds = [security],
        }, manager);

        var form = await App.SendAsync(new EditQuestion.Query { Id = id }, manager);
        await App.SendAsync(form with { GoodLooksLike = "A secrets manager, rotation, least privilege, audit." }, manager);
        var found = await App.SendAsync(new ListQuestions.Query { Q = "API keys" }, manager);
        Assert.Equal("A secrets manager, rotation, least privilege, audit.", Assert.Single(found.Items).GoodLooksLike);

        await App.SendAsync(new RetireQuestion.Command { Id = id }, manager);
        Assert.Empty((await App.SendAsync(new ListQuestions.Query { Q = "API keys" }, manager)).Items);
        Assert.Single((await App.SendAsync(new ListQuestions.Query { Q = "API keys", IncludeRetired = true }, manager)).Items);
    }

    [Fact]
    public async Task Should_require_guidance_and_a_competency_that_is_not_retired()
    {
        var admin = await App.CreateUserAsync("Bank Admin", Roles.Admin);
        var cloud = await App.CompetencyIdAsync("cloud-devops");
        await App.SendAsync(new RetireCompetency.Command { Id = cloud }, admin);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new CreateQuestion.Command
        {
            Text = "How do you roll back a bad deploy?",
            GoodLooksLike = "",
            CompetencyIds = [cloud],
        }, admin));
        Assert.True(ex.Errors.ContainsKey("GoodLooksLike"));
        Assert.Equal(["Pick competencies from the library; retired ones cannot be added."], ex.Errors["CompetencyIds"]);
    }

    [Fact]
    public async Task Should_keep_interviewers_out_of_the_bank()
    {
        var interviewer = await App.CreateUserAsync("Bank Interviewer", Roles.Interviewer);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new ListQuestions.Query(), interviewer));
    }
}
