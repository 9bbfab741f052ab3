using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// What a rejection form offers: the posting's rubric competencies (for a skills gap) and the email templates,
// plus, for a single application, who and where it is.
public static class GetRejectionOptions
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Query : IQuery<Model>
    {
        public Guid? ApplicationId { get; init; }
        public Guid? PostingId { get; init; }
    }

    public sealed record Option(Guid Id, string Name);

    public sealed record Model(Guid PostingId, string PostingTitle, Guid? CandidateId, string? CandidateName, string? StageName,
        ApplicationStatus? Status, IReadOnlyList<Option> Competencies, IReadOnlyList<Rejection.EmailTemplate> Templates);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var application = query.ApplicationId is null ? null : await db.Applications.AsNoTracking()
                .Where(a => a.Id == query.ApplicationId)
                .Select(a => new
                {
                    a.PostingId, a.CandidateId, a.Status,
                    Name = db.Candidates.Where(c => c.Id == a.CandidateId).Select(c => c.FullName).First(),
                    Stage = db.InterviewStages.Where(s => s.Id == a.StageId).Select(s => s.Name).First(),
                })
                .SingleOrDefaultAsync(ct);
            if (query.ApplicationId is not null && application is null) throw new NotFoundException("Application");
            var postingId = application?.PostingId ?? query.PostingId ?? throw new NotFoundException("Posting");
            await PostingAccess.EnsureCanSeePostingAsync(db, user, postingId, ct);
            var title = await Pipeline.PostingTitleAsync(db, postingId, ct);
            var competencies = await db.RubricItems.AsNoTracking().Where(r => r.PostingId == postingId).OrderBy(r => r.Order)
                .Join(db.Competencies, r => r.CompetencyId, c => c.Id, (r, c) => new Option(c.Id, c.Name))
                .ToListAsync(ct);
            return new Model(postingId, title, application?.CandidateId, application?.Name, application?.Stage, application?.Status,
                competencies, Rejection.Templates);
        }
    }
}
