using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Careers.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Careers;

public enum CandidateFacingStatus { InProgress, Withdrawn, Closed }

// What a candidate sees behind their private link: the job, when they applied, and whether the application is
// in progress or closed. Never the stage, scores, feedback or a rejection reason.
public static class GetMyApplication
{
    [AllowAnonymous]
    public sealed record Query(string Token) : IQuery<Model?>;

    public sealed record Model(string Token, string PostingTitle, string FirstName, DateTimeOffset AppliedAt, CandidateFacingStatus Status,
        DateTimeOffset? ClosedAt)
    {
        public bool CanWithdraw => Status == CandidateFacingStatus.InProgress;
    }

    public sealed class Handler(AppDbContext db, IApplicationStatusTokens statusTokens, TimeProvider clock) : IQueryHandler<Query, Model?>
    {
        public async ValueTask<Model?> Handle(Query query, CancellationToken ct)
        {
            if (statusTokens.Read(query.Token, clock.GetUtcNow()) is not { } applicationId) return null;
            var row = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
                .Join(db.JobPostings, a => a.PostingId, p => p.Id, (a, p) => new { a.Status, a.AppliedAt, a.ClosedAt, p.Title, a.CandidateId })
                .Join(db.Candidates, x => x.CandidateId, c => c.Id, (x, c) => new { x.Status, x.AppliedAt, x.ClosedAt, x.Title, c.FullName, c.ErasedAt })
                .SingleOrDefaultAsync(ct);
            if (row is null || row.ErasedAt is not null) return null;
            var status = row.Status switch
            {
                ApplicationStatus.Active => CandidateFacingStatus.InProgress,
                ApplicationStatus.Withdrawn => CandidateFacingStatus.Withdrawn,
                _ => CandidateFacingStatus.Closed,
            };
            var firstName = row.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? row.FullName;
            return new Model(query.Token, row.Title, firstName, row.AppliedAt, status, row.ClosedAt);
        }
    }
}
