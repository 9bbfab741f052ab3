using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Templates;

namespace HiringPlatform.UnitTests.Domain;

public sealed class PostingFactoryTests
{
    private static readonly (Guid, TeamRole)[] Team = [(Guid.NewGuid(), TeamRole.Recruiter), (Guid.NewGuid(), TeamRole.HiringManager)];

    private static Dictionary<string, Guid> Ids(IEnumerable<string> keys) => keys.ToDictionary(k => k, _ => Guid.NewGuid());

    [Fact]
    public void Should_build_the_senior_backend_posting_with_its_rubric_plan_and_questions()
    {
        var competencies = Ids(ReferenceData.Competencies.Select(c => c.Key));
        var questions = Ids(ReferenceData.Questions.Select(q => q.Key));

        var (posting, rubric, stages) = PostingFactory.FromSeniorBackendTemplate(competencies, questions, Team);

        Assert.Equal(SeniorBackendEngineerTemplate.Title, posting.Title);
        Assert.Equal(SeniorBackendEngineerTemplate.Name, posting.TemplateName);
        Assert.Equal((JobLevel.Senior, LocationType.Remote, EmploymentType.FullTime, 1, -8, 3),
            (posting.Level, posting.LocationType, posting.EmploymentType, posting.Headcount, posting.TimeZoneMinOffset!.Value, posting.TimeZoneMaxOffset!.Value));
        Assert.Equal(new SalaryBand { Min = 150_000, Max = 220_000, Currency = "USD", IsPublic = true }, posting.Salary);
        Assert.Equal(PostingStatus.Draft, posting.Status);
        Assert.Equal(Team[1].Item1, posting.HiringManagerId);
        Assert.Equal(SeniorBackendEngineerTemplate.ScreeningQuestions.Select(q => (q.Key, q.Text, q.Kind, q.Required)),
            posting.ScreeningQuestions.Select(q => (q.Key, q.Text, q.Kind, q.Required)));

        Assert.Equal(SeniorBackendEngineerTemplate.Rubric.Select((r, i) => (competencies[r.CompetencyKey], r.Weight, r.IsMustHave, i)),
            rubric.Select(r => (r.CompetencyId, r.Weight, r.IsMustHave, r.Order)));
        Assert.All(rubric, r => Assert.Equal(posting.Id, r.PostingId));

        Assert.Equal(SeniorBackendEngineerTemplate.Stages.Select((s, i) => (s.Name, s.Kind, s.DurationMinutes, i)),
            stages.Select(s => (s.Name, s.Kind, s.DurationMinutes, s.Order)));
        foreach (var (seed, stage) in SeniorBackendEngineerTemplate.Stages.Zip(stages))
        {
            Assert.Equal(posting.Id, stage.PostingId);
            Assert.Equal(seed.FocusCompetencyKeys.Select(k => competencies[k]), stage.Focus.Select(f => f.CompetencyId));
            Assert.Equal(seed.QuestionKeys.Select(k => questions[k]), stage.Questions.Select(q => q.QuestionId));
        }
    }

    [Fact]
    public void Should_leave_out_competencies_and_questions_the_library_no_longer_has()
    {
        var retired = SeniorBackendEngineerTemplate.Rubric[0].CompetencyKey;
        var competencies = Ids(ReferenceData.Competencies.Select(c => c.Key).Where(k => k != retired));
        var (_, rubric, stages) = PostingFactory.FromSeniorBackendTemplate(competencies, new Dictionary<string, Guid>(), Team);

        Assert.Equal(SeniorBackendEngineerTemplate.Rubric.Count - 1, rubric.Count);
        Assert.Equal(Enumerable.Range(0, rubric.Count), rubric.Select(r => r.Order));
        Assert.All(stages, s => Assert.Empty(s.Questions));
        Assert.Equal(SeniorBackendEngineerTemplate.Stages.Count, stages.Count);
    }

    [Fact]
    public void Should_give_a_blank_posting_a_review_stage_where_applications_start()
    {
        var (posting, rubric, stages) = PostingFactory.Blank("Data Engineer", Team);
        Assert.Equal("Data Engineer", posting.Title);
        Assert.Null(posting.TemplateName);
        Assert.Empty(rubric);
        var stage = Assert.Single(stages);
        Assert.Equal((posting.Id, 0, "Application review", StageKind.Review, 15), (stage.PostingId, stage.Order, stage.Name, stage.Kind, stage.DurationMinutes));
        Assert.Equal(SeniorBackendEngineerTemplate.ScreeningQuestions.Count, posting.ScreeningQuestions.Count);
        Assert.Equal(Team[0].Item1, posting.TeamMembers.Single(m => m.Role == TeamRole.Recruiter).UserId);
    }

    // The reference data is what every installation starts from: each entry complete, each key unique, and every key
    // the template names present in it.
    [Fact]
    public void Should_ship_complete_reference_data_that_the_template_refers_to()
    {
        Assert.All(ReferenceData.Competencies, c => Assert.All(
            new[] { c.Key, c.Name, c.Definition, c.Level1, c.Level2, c.Level3, c.Level4 }, t => Assert.False(string.IsNullOrWhiteSpace(t), c.Key)));
        Assert.All(ReferenceData.Questions, q => Assert.All(
            new[] { q.Key, q.Text, q.GoodLooksLike, q.RedFlags }, t => Assert.False(string.IsNullOrWhiteSpace(t), q.Key)));
        Assert.All(ReferenceData.RedFlags, f => Assert.False(string.IsNullOrWhiteSpace(f.Key) || string.IsNullOrWhiteSpace(f.Text), f.Key));
        AssertUnique(ReferenceData.Competencies.Select(c => c.Key));
        AssertUnique(ReferenceData.Competencies.Select(c => c.Name));
        AssertUnique(ReferenceData.Questions.Select(q => q.Key));
        AssertUnique(ReferenceData.RedFlags.Select(f => f.Key));

        var competencyKeys = ReferenceData.Competencies.Select(c => c.Key).ToHashSet();
        var questionKeys = ReferenceData.Questions.Select(q => q.Key).ToHashSet();
        Assert.All(ReferenceData.Questions, q => Assert.NotEmpty(q.CompetencyKeys));
        Assert.All(ReferenceData.Questions.SelectMany(q => q.CompetencyKeys), k => Assert.Contains(k, competencyKeys));
        Assert.All(SeniorBackendEngineerTemplate.Rubric, r => Assert.Contains(r.CompetencyKey, competencyKeys));
        Assert.All(SeniorBackendEngineerTemplate.Rubric, r => Assert.True(r.Weight > 0, r.CompetencyKey));
        AssertUnique(SeniorBackendEngineerTemplate.Rubric.Select(r => r.CompetencyKey));
        Assert.All(SeniorBackendEngineerTemplate.Stages.SelectMany(s => s.FocusCompetencyKeys), k => Assert.Contains(k, competencyKeys));
        Assert.All(SeniorBackendEngineerTemplate.Stages.SelectMany(s => s.QuestionKeys), k => Assert.Contains(k, questionKeys));
        Assert.All(SeniorBackendEngineerTemplate.Stages, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Name));
            Assert.InRange(s.DurationMinutes, 1, Interview.MaxDurationMinutes);
        });
        Assert.All(SeniorBackendEngineerTemplate.ScreeningQuestions, q =>
            Assert.False(string.IsNullOrWhiteSpace(q.Key) || string.IsNullOrWhiteSpace(q.Text), q.Key));
        AssertUnique(SeniorBackendEngineerTemplate.ScreeningQuestions.Select(q => q.Key));
    }

    [Fact]
    public void Should_weigh_the_template_s_rubric_to_one_hundred_and_interview_every_must_have_twice()
    {
        Assert.Equal(100m, SeniorBackendEngineerTemplate.Rubric.Sum(r => r.Weight));
        foreach (var item in SeniorBackendEngineerTemplate.Rubric)
        {
            var stages = SeniorBackendEngineerTemplate.Stages.Count(s => s.FocusCompetencyKeys.Contains(item.CompetencyKey));
            Assert.True(stages >= (item.IsMustHave ? 2 : 1), $"{item.CompetencyKey} is the focus of {stages} stage(s)");
        }
        Assert.Equal(StageKind.Review, SeniorBackendEngineerTemplate.Stages[0].Kind);
    }

    private static void AssertUnique(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
    }
}
