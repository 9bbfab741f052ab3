using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.JobPostings;

public sealed class ClonePostingTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_copy_text_team_questions_rubric_and_plan_into_a_new_draft_without_candidates()
    {
        var recruiter = await App.CreateUserAsync("Clone Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Clone Manager", Roles.HiringManager);
        var interviewer = await App.CreateUserAsync("Clone Interviewer", Roles.Interviewer);
        var source = await App.CreatePostingAsync(recruiter, manager, [interviewer], PostingStatus.Closed, "Senior Backend Engineer (Search)");
        var designStage = source.Stage("System design interview");
        await App.WithDbAsync(async db =>
        {
            var stage = await db.InterviewStages.Include(s => s.DefaultInterviewers).SingleAsync(s => s.Id == designStage.Id);
            stage.SetDefaultInterviewers([interviewer.Id]);
            await db.SaveChangesAsync();
        });
        await App.CreateApplicantAsync(source, "Already Hired");

        var id = await App.SendAsync(new ClonePosting.Command(source.Id), recruiter);

        Assert.NotEqual(source.Id, id);
        var copy = await App.WithDbAsync(db => db.JobPostings.Include(p => p.TeamMembers).Include(p => p.ScreeningQuestions).Include(p => p.History)
            .SingleAsync(p => p.Id == id));
        Assert.Equal(PostingStatus.Draft, copy.Status);
        Assert.Equal("Senior Backend Engineer (Search)", copy.Title);
        Assert.Null(copy.PublishedAt);
        Assert.Empty(copy.History);
        Assert.Equal(3, copy.TeamMembers.Count);
        Assert.Equal(3, copy.ScreeningQuestions.Count);

        var (sourceRubric, copyRubric) = await App.WithDbAsync(async db => (
            await db.RubricItems.Where(r => r.PostingId == source.Id).OrderBy(r => r.Order).Select(r => new { r.CompetencyId, r.Weight, r.IsMustHave }).ToListAsync(),
            await db.RubricItems.Where(r => r.PostingId == id).OrderBy(r => r.Order).Select(r => new { r.CompetencyId, r.Weight, r.IsMustHave }).ToListAsync()));
        Assert.Equal(sourceRubric, copyRubric);

        var stages = await App.WithDbAsync(db => db.InterviewStages.Where(s => s.PostingId == id)
            .Include(s => s.Focus).Include(s => s.Questions).Include(s => s.DefaultInterviewers).AsSplitQuery()
            .OrderBy(s => s.Order).ToListAsync());
        Assert.Equal(source.Stages.Select(s => s.Name), stages.Select(s => s.Name));
        Assert.DoesNotContain(stages, s => source.Stages.Any(o => o.Id == s.Id));
        var design = stages.Single(s => s.Name == "System design interview");
        Assert.Equal(5, design.Focus.Count);
        Assert.Equal(4, design.Questions.Count);
        Assert.Equal([interviewer.Id], design.DefaultInterviewers.Select(i => i.UserId).ToArray());
        Assert.Equal(0, await App.WithDbAsync(db => db.Applications.CountAsync(a => a.PostingId == id)));
    }
}
