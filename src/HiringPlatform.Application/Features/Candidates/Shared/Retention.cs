using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// Who is due for erasure: candidates with no application still open and no activity for the retention setting's
// months: no application closed, nothing on their timeline (an export is a read, not activity) and the profile not
// created within that time. A candidate added by a recruiter who never applied comes due like anyone else (ADR-0012).
public static class Retention
{
    public static async Task<int> MonthsAsync(AppDbContext db, CancellationToken ct) => (await SettingsCache.ReadAsync(db, ct)).RetentionMonths;

    public static IQueryable<Candidate> Due(AppDbContext db, DateTimeOffset cutoff) =>
        db.Candidates.Where(c => c.ErasedAt == null && c.MergedIntoId == null && c.CreatedAt < cutoff &&
                                 (c.LastApplicationClosedAt == null || c.LastApplicationClosedAt < cutoff) &&
                                 !db.Applications.Any(a => a.CandidateId == c.Id && a.Status == ApplicationStatus.Active) &&
                                 !db.ActivityEvents.Any(e => e.CandidateId == c.Id && e.At >= cutoff && e.Kind != ActivityKind.Exported));

    // The order of the list and of batch erasure: longest quiet first.
    public static IOrderedQueryable<Candidate> Ordered(IQueryable<Candidate> due) =>
        due.OrderBy(c => c.LastApplicationClosedAt ?? c.CreatedAt).ThenBy(c => c.Id);
}
