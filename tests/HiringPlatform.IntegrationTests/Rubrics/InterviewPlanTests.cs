using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Rubrics;

public sealed class InterviewPlanTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private TestUser _recruiter = null!;
    private TestUser _manager = null!;
    private PostingInfo _posting = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _recruiter = await App.CreateUserAsync("Plan Recruiter", Roles.Recruiter);
        _manager = await App.CreateUserAsync("Plan Manager", Roles.HiringManager);
        _posting = await App.CreatePostingAsync(_recruiter, _manager);
    }

    private Task<EditStage.Command> StageFormAsync(string name, TestUser? user = null) =>
        App.SendAsync(new EditStage.Query { PostingId = _posting.Id, StageId = _posting.Stage(name).Id }, user ?? _manager);

    private Task<List<string>> StageNamesAsync() =>
        App.WithDbAsync(db => db.InterviewStages.Where(s => s.PostingId == _posting.Id).OrderBy(s => s.Order).Select(s => s.Name).ToListAsync());

    [Fact]
    public async Task Should_show_the_default_eight_stage_plan_fully_covered()
    {
        var plan = await App.SendAsync(new GetInterviewPlan.Query { PostingId = _posting.Id }, _recruiter);
        Assert.Equal(8, plan.Stages.Count);
        Assert.True(plan.CanEdit);
        Assert.Empty(plan.Uncovered);
        var design = plan.Stages.Single(s => s.Name == "System design interview");
        Assert.Equal(5, design.Focus.Count);
        Assert.Equal(4, design.Questions.Count);
    }

    [Fact]
    public async Task Should_refuse_focus_competencies_that_are_not_in_the_rubric()
    {
        var cloud = await App.CompetencyIdAsync("cloud-devops");
        var rubricForm = await App.SendAsync(new EditRubric.Query { PostingId = _posting.Id }, _manager);
        await App.SendAsync(rubricForm with { Items = rubricForm.Items.Select(i => i.CompetencyId == cloud ? i with { Included = false } : i).ToList() }, _manager);
        var form = await StageFormAsync("Coding exercise");

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(form with { FocusCompetencyIds = [.. form.FocusCompetencyIds, cloud] }, _manager));

        Assert.Equal(["Focus competencies must come from this posting's rubric: Cloud and DevOps is not in it. Add it to the rubric first."],
            ex.Errors["FocusCompetencyIds"]);
    }

    [Fact]
    public async Task Should_save_a_stages_focus_questions_and_default_interviewers()
    {
        var interviewer = await App.CreateUserAsync("Default Interviewer", Roles.Interviewer);
        var cloud = await App.CompetencyIdAsync("cloud-devops");
        var question = await App.QuestionIdAsync("observability-design");
        var form = await StageFormAsync("Coding exercise", _recruiter);

        await App.SendAsync(form with
        {
            Name = "Pairing exercise",
            DurationMinutes = 75,
            FocusCompetencyIds = [.. form.FocusCompetencyIds, cloud],
            QuestionIds = [question, .. form.QuestionIds],
            InterviewerIds = [interviewer.Id],
        }, _recruiter);

        var plan = await App.SendAsync(new GetInterviewPlan.Query { PostingId = _posting.Id }, _manager);
        var stage = plan.Stages.Single(s => s.Id == _posting.Stage("Coding exercise").Id);
        Assert.Equal("Pairing exercise", stage.Name);
        Assert.Equal(75, stage.DurationMinutes);
        Assert.Contains(stage.Focus, f => f.Id == cloud);
        Assert.Equal(question, stage.Questions[0].Id);
        Assert.Equal(["Default Interviewer"], stage.Interviewers.Select(i => i.Name));
    }

    [Fact]
    public async Task Should_refuse_default_interviewers_without_the_interviewer_role()
    {
        var form = await StageFormAsync("Coding exercise");
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(form with { InterviewerIds = [_recruiter.Id] }, _manager));
        Assert.True(ex.Errors.ContainsKey("InterviewerIds"));
    }

    [Fact]
    public async Task Should_refuse_to_remove_a_stage_that_holds_active_applications_and_say_how_many()
    {
        for (var i = 0; i < 3; i++) await App.CreateApplicantAsync(_posting, $"Cand Idate{i}", "Coding exercise");

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new RemoveStage.Command { PostingId = _posting.Id, StageId = _posting.Stage("Coding exercise").Id }, _manager));

        Assert.Equal(["3 active applications are in this stage: move them to another stage on the board first."], ex.Errors["StageId"]);
        Assert.Contains("Coding exercise", await StageNamesAsync());
        var plan = await App.SendAsync(new GetInterviewPlan.Query { PostingId = _posting.Id }, _manager);
        Assert.Equal(3, plan.Stages.Single(s => s.Name == "Coding exercise").ActiveApplications);
    }

    [Fact]
    public async Task Should_keep_a_stage_that_closed_applications_passed_through()
    {
        var (_, applicationId) = await App.CreateApplicantAsync(_posting, "Rejected Person", "Behavioral interview");
        await App.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            application.Reject(Application.Domain.Candidates.RejectionReason.ExperienceLevel, null, null, App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new RemoveStage.Command { PostingId = _posting.Id, StageId = _posting.Stage("Behavioral interview").Id }, _manager));
        Assert.Contains("history of 1 closed application", ex.Errors["StageId"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_remove_an_unused_stage_and_close_the_gap_in_the_order()
    {
        await App.SendAsync(new RemoveStage.Command { PostingId = _posting.Id, StageId = _posting.Stage("Behavioral interview").Id }, _recruiter);
        var orders = await App.WithDbAsync(db => db.InterviewStages.Where(s => s.PostingId == _posting.Id).OrderBy(s => s.Order).Select(s => s.Order).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 7), orders);
        Assert.DoesNotContain("Behavioral interview", await StageNamesAsync());
    }

    [Fact]
    public async Task Should_reorder_stages_up_and_down()
    {
        await App.SendAsync(new MoveStage.Command { PostingId = _posting.Id, StageId = _posting.Stage("Coding exercise").Id, To = MoveStage.Direction.Up }, _manager);
        var names = await StageNamesAsync();
        Assert.Equal(["Application review", "Recruiter screen", "Coding exercise", "System design interview"], names.Take(4));

        await App.SendAsync(new MoveStage.Command { PostingId = _posting.Id, StageId = _posting.Stage("Application review").Id, To = MoveStage.Direction.Down }, _manager);
        Assert.Equal(["Recruiter screen", "Application review"], (await StageNamesAsync()).Take(2));

        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(
            new MoveStage.Command { PostingId = _posting.Id, StageId = _posting.Stage("Offer").Id, To = MoveStage.Direction.Down }, _manager));
    }

    [Fact]
    public async Task Should_add_a_stage_where_asked()
    {
        var security = await App.CompetencyIdAsync("security");
        var form = await App.SendAsync(new AddStage.Query { PostingId = _posting.Id }, _manager);
        Assert.Equal(_posting.Stage("Behavioral interview").Id, form.AfterStageId);

        var id = await App.SendAsync(form with { Name = "Security deep dive", Kind = StageKind.Interview, DurationMinutes = 45, FocusCompetencyIds = [security] }, _manager);

        var names = await StageNamesAsync();
        Assert.Equal(9, names.Count);
        Assert.Equal("Security deep dive", names[6]);
        Assert.Equal("Debrief", names[7]);
        var stage = await App.WithDbAsync(db => db.InterviewStages.Include(s => s.Focus).AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(security, Assert.Single(stage.Focus).CompetencyId);
    }

    [Fact]
    public async Task Should_refuse_a_second_stage_with_the_same_name_and_a_silly_duration()
    {
        var form = await App.SendAsync(new AddStage.Query { PostingId = _posting.Id }, _manager);
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(form with { Name = "coding EXERCISE", DurationMinutes = 600 }, _manager));
        Assert.Equal(["Another stage of this plan already has this name."], ex.Errors["Name"]);
        Assert.Equal(["A stage takes between 5 minutes and 8 hours (480 minutes)."], ex.Errors["DurationMinutes"]);
    }

    [Fact]
    public async Task Should_warn_about_a_rubric_competency_no_scored_stage_covers()
    {
        var cloud = await App.CompetencyIdAsync("cloud-devops");
        var form = await StageFormAsync("Debugging / troubleshooting scenario");
        await App.SendAsync(form with { FocusCompetencyIds = form.FocusCompetencyIds.Where(id => id != cloud).ToList() }, _manager);

        var plan = await App.SendAsync(new GetInterviewPlan.Query { PostingId = _posting.Id }, _manager);
        Assert.Equal(["Cloud and DevOps"], plan.Uncovered.Select(c => c.Name));
        var rubric = await App.SendAsync(new GetRubric.Query { PostingId = _posting.Id }, _manager);
        Assert.Equal(["Cloud and DevOps"], rubric.Uncovered.Select(c => c.Name));

        // Focus on a debrief does not count: nobody fills in a scorecard there.
        var debrief = await StageFormAsync("Debrief");
        await App.SendAsync(debrief with { FocusCompetencyIds = [cloud] }, _manager);
        Assert.Equal(["Cloud and DevOps"], (await App.SendAsync(new GetInterviewPlan.Query { PostingId = _posting.Id }, _manager)).Uncovered.Select(c => c.Name));
    }

    [Fact]
    public async Task Should_refuse_a_stale_stage_form()
    {
        var first = await StageFormAsync("Coding exercise");
        var second = await StageFormAsync("Coding exercise");
        await App.SendAsync(first with { FocusCompetencyIds = first.FocusCompetencyIds.Take(1).ToList() }, _manager);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => App.SendAsync(second with { DurationMinutes = 90 }, _manager));
    }

    [Fact]
    public async Task Should_hide_the_plan_from_a_hiring_manager_outside_the_team()
    {
        var outsider = await App.CreateUserAsync("Plan Outsider", Roles.HiringManager);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetInterviewPlan.Query { PostingId = _posting.Id }, outsider));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(
            new RemoveStage.Command { PostingId = _posting.Id, StageId = _posting.Stage("Offer").Id }, outsider));
    }
}
