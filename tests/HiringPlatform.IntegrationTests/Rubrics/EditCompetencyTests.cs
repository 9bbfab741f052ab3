using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Application.Features.Rubrics.Shared;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Rubrics;

public sealed class EditCompetencyTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private Task<TestUser> AdminAsync() => App.CreateUserAsync("Library Admin", Roles.Admin);

    [Fact]
    public async Task Should_keep_an_old_scorecards_wording_when_a_used_competency_is_edited()
    {
        var recruiter = await App.CreateUserAsync("Versions Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Versions Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Versions Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer]);
        var (_, applicationId) = await App.CreateApplicantAsync(posting, "Ada Versions", "System design interview");
        var interviewId = await App.CreateInterviewAsync(applicationId, [interviewer]);
        var scorecardId = await App.CreateScorecardAsync(interviewId, applicationId, interviewer, "system-design");
        var competencyId = await App.CompetencyIdAsync("system-design");
        var before = await App.WithDbAsync(db => db.CompetencyVersions.AsNoTracking().SingleAsync(v => v.CompetencyId == competencyId));

        var admin = await AdminAsync();
        var form = await App.SendAsync(new EditCompetency.Query { Id = competencyId }, admin);
        Assert.True(form.CurrentVersionUsed);
        var result = await App.SendAsync(form with { Level4 = "Sizes the problem first, then compares two designs against explicit criteria." }, admin);

        Assert.True(result.NewVersion);
        Assert.Equal(2, result.VersionNumber);
        var versions = await App.WithDbAsync(db => db.CompetencyVersions.AsNoTracking().Where(v => v.CompetencyId == competencyId).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        var competency = await App.FindAsync<Competency>(competencyId);
        Assert.Equal(versions[1].Id, competency!.CurrentVersionId);
        Assert.StartsWith("Sizes the problem first", versions[1].Level4, StringComparison.Ordinal);

        // The submitted scorecard still points at version 1, whose wording did not change.
        var rating = await App.WithDbAsync(db => db.ScorecardRatings.AsNoTracking().SingleAsync(r => r.ScorecardId == scorecardId));
        Assert.Equal(before.Id, rating.CompetencyVersionId);
        Assert.Equal(before.Level4, versions[0].Level4);
        Assert.Equal(before.Definition, versions[0].Definition);
        var ratedText = await App.WithDbAsync(db => db.CompetencyVersions.AsNoTracking().Where(v => v.Id == rating.CompetencyVersionId).Select(v => v.Level4).SingleAsync());
        Assert.Equal(before.Level4, ratedText);
    }

    [Fact]
    public async Task Should_rewrite_an_unused_competency_in_place()
    {
        var admin = await AdminAsync();
        var competencyId = await App.CompetencyIdAsync("api-design");
        var form = await App.SendAsync(new EditCompetency.Query { Id = competencyId }, admin);
        Assert.False(form.CurrentVersionUsed);

        var result = await App.SendAsync(form with { Name = "API design and integrations", Definition = "Designs contracts clients can rely on." }, admin);

        Assert.True(result.Changed);
        Assert.False(result.NewVersion);
        var versions = await App.WithDbAsync(db => db.CompetencyVersions.AsNoTracking().Where(v => v.CompetencyId == competencyId).ToListAsync());
        var only = Assert.Single(versions);
        Assert.Equal(1, only.Number);
        Assert.Equal("Designs contracts clients can rely on.", only.Definition);
        Assert.Equal("API design and integrations", (await App.FindAsync<Competency>(competencyId))!.Name);
    }

    [Fact]
    public async Task Should_rewrite_in_place_when_only_a_draft_scorecard_used_the_version()
    {
        var recruiter = await App.CreateUserAsync("Draft Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Draft Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Draft Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer]);
        var (_, applicationId) = await App.CreateApplicantAsync(posting, "Drafty McDraft", "System design interview");
        var interviewId = await App.CreateInterviewAsync(applicationId, [interviewer]);
        await App.CreateScorecardAsync(interviewId, applicationId, interviewer, "security", submit: false);
        var admin = await AdminAsync();
        var competencyId = await App.CompetencyIdAsync("security");

        var form = await App.SendAsync(new EditCompetency.Query { Id = competencyId }, admin);
        var result = await App.SendAsync(form with { Definition = form.Definition + " Includes supply-chain risk." }, admin);

        Assert.False(result.NewVersion);
        Assert.Equal(1, await App.WithDbAsync(db => db.CompetencyVersions.CountAsync(v => v.CompetencyId == competencyId)));
    }

    [Fact]
    public async Task Should_refuse_a_stale_form_instead_of_overwriting_someone_elses_edit()
    {
        var admin = await AdminAsync();
        var competencyId = await App.CompetencyIdAsync("quality-testing");
        var first = await App.SendAsync(new EditCompetency.Query { Id = competencyId }, admin);
        var second = await App.SendAsync(new EditCompetency.Query { Id = competencyId }, admin);
        await App.SendAsync(first with { Definition = "Tests first." }, admin);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => App.SendAsync(second with { Definition = "Tests later." }, admin));
        Assert.Equal("Tests first.", await App.WithDbAsync(db => db.CompetencyVersions.Where(v => v.CompetencyId == competencyId).Select(v => v.Definition).SingleAsync()));
    }

    [Fact]
    public async Task Should_report_nothing_changed_and_keep_the_version()
    {
        var admin = await AdminAsync();
        var competencyId = await App.CompetencyIdAsync("ai-judgment");
        var form = await App.SendAsync(new EditCompetency.Query { Id = competencyId }, admin);
        var result = await App.SendAsync(form, admin);
        Assert.False(result.Changed);
    }

    [Fact]
    public async Task Should_name_the_field_when_a_level_descriptor_is_missing()
    {
        var admin = await AdminAsync();
        var form = await App.SendAsync(new EditCompetency.Query { Id = await App.CompetencyIdAsync("cloud-devops") }, admin);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(form with { Level2 = " " }, admin));
        Assert.Equal(["Describe the evidence for 2 (no)."], ex.Errors["Level2"]);
    }

    [Fact]
    public async Task Should_not_let_a_hiring_manager_edit_the_library()
    {
        var manager = await App.CreateUserAsync("Library Manager", Roles.HiringManager);
        var competencyId = await App.CompetencyIdAsync("cloud-devops");
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new EditCompetency.Query { Id = competencyId }, manager));
    }

    [Fact]
    public async Task Should_show_what_changed_between_versions_in_the_history()
    {
        var recruiter = await App.CreateUserAsync("History Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("History Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("History Interviewer", Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager, [interviewer]);
        var (_, applicationId) = await App.CreateApplicantAsync(posting, "Hal History", "Coding exercise");
        var interviewId = await App.CreateInterviewAsync(applicationId, [interviewer]);
        await App.CreateScorecardAsync(interviewId, applicationId, interviewer, "quality-testing");
        var admin = await AdminAsync();
        var competencyId = await App.CompetencyIdAsync("quality-testing");
        var form = await App.SendAsync(new EditCompetency.Query { Id = competencyId }, admin);
        await App.SendAsync(form with { Definition = form.Definition + " Keeps the build green." }, admin);

        var history = await App.SendAsync(new GetCompetency.Query { Id = competencyId }, recruiter);

        Assert.Equal([2, 1], history.Versions.Select(v => v.Number));
        Assert.Equal(1, history.Versions[1].SubmittedScorecards);
        var change = Assert.Single(history.Versions[0].Changes);
        Assert.Equal("Definition", change.Field);
        Assert.Contains(change.Segments, s => s.Kind == DiffKind.Added && s.Text.Contains("Keeps the build green.", StringComparison.Ordinal));
        Assert.DoesNotContain(change.Segments, s => s.Kind == DiffKind.Removed);
    }

    [Fact]
    public async Task Should_refuse_to_edit_a_retired_competency()
    {
        var admin = await AdminAsync();
        var competencyId = await App.CompetencyIdAsync("leadership-mentoring");
        await App.SendAsync(new RetireCompetency.Command { Id = competencyId }, admin);
        var form = await App.SendAsync(new EditCompetency.Query { Id = competencyId }, admin);
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(form with { Definition = "Changed." }, admin));
    }
}
