using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Rubrics;

namespace HiringPlatform.Application.Domain.Templates;

// A new posting with everything it owns: its rubric and its interview plan.
public sealed record NewPosting(JobPosting Posting, IReadOnlyList<RubricItem> Rubric, IReadOnlyList<InterviewStage> Stages);

// Builds postings from the built-in template or blank. Pure: the caller supplies the library's ids by key.
public static class PostingFactory
{
    public static NewPosting FromSeniorBackendTemplate(
        IReadOnlyDictionary<string, Guid> competencyIds,
        IReadOnlyDictionary<string, Guid> questionIds,
        IEnumerable<(Guid UserId, TeamRole Role)> team)
    {
        var posting = new JobPosting
        {
            Title = SeniorBackendEngineerTemplate.Title,
            Level = SeniorBackendEngineerTemplate.Level,
            Team = SeniorBackendEngineerTemplate.Team,
            LocationType = SeniorBackendEngineerTemplate.DefaultLocationType,
            Location = "Remote",
            TimeZoneMinOffset = -8,
            TimeZoneMaxOffset = 3,
            EmploymentType = SeniorBackendEngineerTemplate.DefaultEmploymentType,
            Salary = new SalaryBand
            {
                Min = SeniorBackendEngineerTemplate.SalaryMin,
                Max = SeniorBackendEngineerTemplate.SalaryMax,
                Currency = SeniorBackendEngineerTemplate.Currency,
                IsPublic = true,
            },
            Headcount = 1,
            DescriptionMarkdown = SeniorBackendEngineerTemplate.AboutMarkdown,
            ResponsibilitiesMarkdown = SeniorBackendEngineerTemplate.ResponsibilitiesMarkdown,
            QualificationsMarkdown = SeniorBackendEngineerTemplate.QualificationsMarkdown,
            PerksMarkdown = SeniorBackendEngineerTemplate.PerksMarkdown,
            TemplateName = SeniorBackendEngineerTemplate.Name,
        };
        posting.SetTeam(team);
        AddDefaultScreeningQuestions(posting);

        // Competencies an admin has retired since are left out rather than failing the whole posting.
        var rubric = SeniorBackendEngineerTemplate.Rubric
            .Where(r => competencyIds.ContainsKey(r.CompetencyKey))
            .Select((r, i) => new RubricItem(posting.Id, competencyIds[r.CompetencyKey], r.Weight, r.IsMustHave, i))
            .ToList();

        var stages = new List<InterviewStage>();
        foreach (var (seed, order) in SeniorBackendEngineerTemplate.Stages.Select((s, i) => (s, i)))
        {
            var stage = new InterviewStage(posting.Id, order, seed.Name, seed.Kind, seed.DurationMinutes);
            stage.SetFocus(seed.FocusCompetencyKeys.Where(competencyIds.ContainsKey).Select(k => competencyIds[k]));
            stage.SetQuestions(seed.QuestionKeys.Where(questionIds.ContainsKey).Select(k => questionIds[k]));
            stages.Add(stage);
        }
        return new NewPosting(posting, rubric, stages);
    }

    // A blank posting still has a plan: at least an application-review stage, where new applications start.
    public static NewPosting Blank(string title, IEnumerable<(Guid UserId, TeamRole Role)> team)
    {
        var posting = new JobPosting { Title = title };
        posting.SetTeam(team);
        AddDefaultScreeningQuestions(posting);
        var review = new InterviewStage(posting.Id, 0, "Application review", StageKind.Review, 15);
        return new NewPosting(posting, [], [review]);
    }

    private static void AddDefaultScreeningQuestions(JobPosting posting)
    {
        foreach (var q in SeniorBackendEngineerTemplate.ScreeningQuestions)
            posting.AddScreeningQuestion(q.Key, q.Text, q.Kind, q.Required);
    }
}
