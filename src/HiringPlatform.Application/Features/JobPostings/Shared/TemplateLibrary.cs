using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Templates;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings.Shared;

// Loads the library ids the template refers to, then builds the posting with its rubric and plan.
// Shared by the create use case, the demo seeders and the tests.
public static class TemplateLibrary
{
    public static async Task<NewPosting> NewFromTemplateAsync(AppDbContext db, IEnumerable<(Guid UserId, TeamRole Role)> team, CancellationToken ct)
    {
        var competencies = await db.Competencies.AsNoTracking().Where(c => !c.IsRetired).ToDictionaryAsync(c => c.Key, c => c.Id, ct);
        var questions = await db.Questions.AsNoTracking().Where(q => !q.IsRetired).ToDictionaryAsync(q => q.Key, q => q.Id, ct);
        return PostingFactory.FromSeniorBackendTemplate(competencies, questions, team);
    }

    public static void Add(AppDbContext db, NewPosting posting)
    {
        db.JobPostings.Add(posting.Posting);
        db.RubricItems.AddRange(posting.Rubric);
        db.InterviewStages.AddRange(posting.Stages);
    }
}
