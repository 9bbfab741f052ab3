using System.Globalization;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// Who is due for erasure: candidates whose last application closed more than the retention setting's months ago
// and who have no application still open. Walks the (last_application_closed_at, id) index in order.
public static class Retention
{
    public const int DefaultMonths = 24;

    public static async Task<int> MonthsAsync(AppDbContext db, CancellationToken ct)
    {
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == SettingKeys.RetentionMonths).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months > 0 ? months : DefaultMonths;
    }

    public static IQueryable<Candidate> Due(AppDbContext db, DateTimeOffset cutoff) =>
        db.Candidates.Where(c => c.LastApplicationClosedAt < cutoff && c.ErasedAt == null && c.MergedIntoId == null &&
                                 !db.Applications.Any(a => a.CandidateId == c.Id && a.Status == ApplicationStatus.Active));
}
