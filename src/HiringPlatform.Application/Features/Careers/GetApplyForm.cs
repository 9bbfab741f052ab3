using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Operations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Careers;

// What the application form needs besides the candidate's input: the job, its screening questions and the
// retention period stated next to the consent box. A posting that was public once but is paused or closed now
// still answers (IsOpen = false), so a form posted after it closed can say so; one never published does not exist.
public static class GetApplyForm
{
    [AllowAnonymous]
    public sealed record Query(Guid PostingId) : IQuery<Model>;

    public sealed record Model(Guid PostingId, string Title, string Team, LocationType LocationType, string? Location, bool IsOpen,
        IReadOnlyList<Question> Questions, int RetentionMonths);

    public sealed record Question(Guid Id, string Text, ScreeningAnswerKind Kind, bool Required);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var posting = await db.JobPostings.AsNoTracking()
                .Where(p => p.Id == query.PostingId && p.PublishedAt != null)
                .Select(p => new { p.Id, p.Title, p.Team, p.LocationType, p.Location, p.Status })
                .SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("The job");
            var questions = await db.ScreeningQuestions.AsNoTracking().Where(q => q.PostingId == posting.Id).OrderBy(q => q.Order)
                .Select(q => new Question(q.Id, q.Text, q.Kind, q.Required)).ToListAsync(ct);
            return new Model(posting.Id, posting.Title, posting.Team, posting.LocationType, posting.Location,
                posting.Status == PostingStatus.Open, questions, (await SettingsCache.ReadAsync(db, ct)).RetentionMonths);
        }
    }
}
