using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

public static class GetRetentionList
{
    public const int PageSize = 50;

    // Counting stops here: past it the page says "1,000+".
    public const int CountCap = 1000;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Model>
    {
        public string? After { get; init; }
    }

    public sealed record Item(Guid Id, string FullName, DateTimeOffset LastClosedAt, int Applications);

    public sealed record Model(int Months, DateTimeOffset Cutoff, int DueCount, bool CountCapped, IReadOnlyList<Item> Items, string? Next, bool Paged);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var months = await Retention.MonthsAsync(db, ct);
            var cutoff = clock.GetUtcNow().AddMonths(-months);
            var due = Retention.Due(db, cutoff).AsNoTracking();
            var count = await due.Take(CountCap + 1).CountAsync(ct);
            var page = due;
            if (GetBoard.ParseCursor(query.After) is { } cursor)
            {
                var (at, id) = cursor;
                page = page.Where(c => (c.LastApplicationClosedAt ?? c.CreatedAt) > at || ((c.LastApplicationClosedAt ?? c.CreatedAt) == at && c.Id.CompareTo(id) > 0));
            }
            var rows = await Retention.Ordered(page).Take(PageSize + 1)
                .Select(c => new Item(c.Id, c.FullName, c.LastApplicationClosedAt ?? c.CreatedAt, db.Applications.Count(a => a.CandidateId == c.Id)))
                .ToListAsync(ct);
            var items = rows.Take(PageSize).ToList();
            var next = rows.Count > PageSize ? GetBoard.FormatCursor(items[^1].LastClosedAt, items[^1].Id) : null;
            return new Model(months, cutoff, Math.Min(count, CountCap), count > CountCap, items, next, query.After is not null);
        }
    }
}
