using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.JobPostings;

public sealed class TemplateTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_give_a_template_posting_the_full_rubric_and_the_eight_stage_plan()
    {
        var recruiter = await App.CreateUserAsync("Tpl Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Tpl Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager);

        Assert.Equal(8, posting.Stages.Count);
        Assert.Equal("Application review", posting.First.Name);
        Assert.Equal(StageKind.Offer, posting.Stages[^1].Kind);
        var rubric = await App.QueryAsync(db => db.RubricItems.Where(r => r.PostingId == posting.Id)
            .Join(db.Competencies, r => r.CompetencyId, c => c.Id, (r, c) => new { c.Key, r.Weight, r.IsMustHave }).ToListAsync());
        Assert.Equal(10, rubric.Count);
        Assert.Equal(100m, rubric.Sum(r => r.Weight));
        Assert.Equal(["cloud-devops", "leadership-mentoring"], rubric.Where(r => !r.IsMustHave).Select(r => r.Key).Order().ToArray());
        Assert.Equal(15m, rubric.Single(r => r.Key == "system-design").Weight);
    }
}
