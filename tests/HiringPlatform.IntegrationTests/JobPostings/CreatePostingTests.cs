using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.JobPostings;

public sealed class CreatePostingTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_create_a_draft_from_the_template_with_its_rubric_plan_questions_and_the_creator_on_the_team()
    {
        var recruiter = await App.CreateUserAsync("Create Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Create Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Create Interviewer", Roles.Interviewer);

        var id = await App.SendAsync(new CreatePosting.Command
        {
            Start = PostingStart.SeniorBackendTemplate,
            Title = "Senior Backend Engineer (Billing)",
            HiringManagerId = manager.Id,
            InterviewerIds = [interviewer.Id],
        }, recruiter);

        var posting = await App.WithDbAsync(db => db.JobPostings.Include(p => p.TeamMembers).Include(p => p.ScreeningQuestions).SingleAsync(p => p.Id == id));
        Assert.Equal(PostingStatus.Draft, posting.Status);
        Assert.Equal("Senior Backend Engineer (Billing)", posting.Title);
        Assert.Contains(posting.TeamMembers, m => m.UserId == recruiter.Id && m.Role == TeamRole.Recruiter);
        Assert.Contains(posting.TeamMembers, m => m.UserId == manager.Id && m.Role == TeamRole.HiringManager);
        Assert.Contains(posting.TeamMembers, m => m.UserId == interviewer.Id && m.Role == TeamRole.Interviewer);
        Assert.Equal(3, posting.ScreeningQuestions.Count);
        Assert.Equal(150_000m, posting.Salary.Min);
        var (stages, rubric) = await App.WithDbAsync(async db => (
            await db.InterviewStages.Where(s => s.PostingId == id).OrderBy(s => s.Order).ToListAsync(),
            await db.RubricItems.CountAsync(r => r.PostingId == id)));
        Assert.Equal(8, stages.Count);
        Assert.Equal("Application review", stages[0].Name);
        Assert.Equal(10, rubric);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(JobPosting) && a.EntityId == id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Command == "CreatePosting.Command" && a.Action == "Created" && a.UserId == recruiter.Id);
    }

    [Fact]
    public async Task Should_create_a_blank_posting_with_one_application_review_stage()
    {
        var recruiter = await App.CreateUserAsync("Blank Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Blank Manager", Roles.HiringManager);

        var id = await App.SendAsync(new CreatePosting.Command { Start = PostingStart.Blank, Title = "Lead Data Engineer", HiringManagerId = manager.Id }, recruiter);

        var stages = await App.WithDbAsync(db => db.InterviewStages.Where(s => s.PostingId == id).ToListAsync());
        var stage = Assert.Single(stages);
        Assert.Equal(StageKind.Review, stage.Kind);
        Assert.Equal(0, await App.WithDbAsync(db => db.RubricItems.CountAsync(r => r.PostingId == id)));
        var posting = await App.FindAsync<JobPosting>(id);
        Assert.Equal("", posting!.DescriptionMarkdown);
        Assert.Null(posting.TemplateName);
    }

    [Fact]
    public async Task Should_require_a_title_and_a_hiring_manager()
    {
        var recruiter = await App.CreateUserAsync("Missing Recruiter", Roles.Recruiter);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new CreatePosting.Command { Start = PostingStart.Blank, Title = " " }, recruiter));

        Assert.Equal("Give the posting a title.", ex.Errors["Title"].Single());
        Assert.Equal("Choose the hiring manager.", ex.Errors["HiringManagerId"].Single());
        Assert.Equal(0, await App.WithDbAsync(db => db.JobPostings.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_team_members_who_do_not_exist()
    {
        var recruiter = await App.CreateUserAsync("Unknown Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Unknown Manager", Roles.HiringManager);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new CreatePosting.Command
        {
            Title = "Backend Engineer",
            HiringManagerId = manager.Id,
            RecruiterIds = [Guid.NewGuid()],
            InterviewerIds = [Guid.NewGuid()],
        }, recruiter));

        Assert.Contains("does not exist", ex.Errors["RecruiterIds"].Single(), StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Errors["InterviewerIds"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_people_chosen_for_a_role_they_do_not_hold()
    {
        var recruiter = await App.CreateUserAsync("Role Recruiter", Roles.Recruiter);
        var interviewer = await App.CreateUserAsync("Sam Interviewer", Roles.Interviewer);
        var manager = await App.CreateUserAsync("Jo Manager", Roles.HiringManager);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new CreatePosting.Command
        {
            Title = "Backend Engineer",
            HiringManagerId = interviewer.Id,
            InterviewerIds = [manager.Id],
        }, recruiter));

        Assert.StartsWith("Sam Interviewer is not a hiring manager", ex.Errors["HiringManagerId"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("Jo Manager is not an interviewer", ex.Errors["InterviewerIds"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_deactivated_team_member()
    {
        var recruiter = await App.CreateUserAsync("Active Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Gone Manager", Roles.HiringManager);
        await App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == manager.Id);
            user.IsActive = false;
            await db.SaveChangesAsync();
        });

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new CreatePosting.Command { Title = "Backend Engineer", HiringManagerId = manager.Id }, recruiter));

        Assert.Contains("deactivated", ex.Errors["HiringManagerId"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_let_a_hiring_manager_create_a_posting_only_as_its_hiring_manager()
    {
        var manager = await App.CreateUserAsync("Self Manager", Roles.HiringManager);
        var other = await App.CreateUserAsync("Other Manager", Roles.HiringManager);
        var recruiter = await App.CreateUserAsync("Team Recruiter", Roles.Recruiter);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new CreatePosting.Command
        {
            Title = "Backend Engineer",
            HiringManagerId = other.Id,
            RecruiterIds = [recruiter.Id],
        }, manager));
        Assert.Contains("you must be the hiring manager", ex.Errors["HiringManagerId"].Single(), StringComparison.Ordinal);

        var noRecruiter = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new CreatePosting.Command { Title = "Backend Engineer", HiringManagerId = manager.Id }, manager));
        Assert.Equal("Choose at least one recruiter.", noRecruiter.Errors["RecruiterIds"].Single());

        var id = await App.SendAsync(new CreatePosting.Command { Title = "Backend Engineer", HiringManagerId = manager.Id, RecruiterIds = [recruiter.Id] }, manager);
        Assert.NotNull(await App.SendAsync(new GetPosting.Query(id), manager));
    }

    [Fact]
    public async Task Should_refuse_an_interviewer()
    {
        var interviewer = await App.CreateUserAsync("Sneaky Interviewer", Roles.Interviewer);
        var manager = await App.CreateUserAsync("Some Manager", Roles.HiringManager);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            App.SendAsync(new CreatePosting.Command { Title = "Backend Engineer", HiringManagerId = manager.Id }, interviewer));
        Assert.Equal(0, await App.WithDbAsync(db => db.JobPostings.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(JobPosting))));
    }
}
