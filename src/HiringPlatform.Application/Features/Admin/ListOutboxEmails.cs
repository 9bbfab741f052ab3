using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

// The email outbox, newest first (ids are time-ordered), a page at a time.
public static class ListOutboxEmails
{
    public const int PageSize = 50;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Model>
    {
        public EmailStatus? Status { get; init; }
        public Guid? Before { get; init; }
    }

    public sealed record Model(IReadOnlyList<Item> Items, Guid? NextBefore, IReadOnlyDictionary<EmailStatus, int> Counts);

    public sealed record Item(Guid Id, DateTimeOffset CreatedAt, string To, string? ToName, string Subject, EmailStatus Status,
        int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError, bool HasAttachment);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var emails = db.OutboxEmails.AsNoTracking();
            if (query.Status is { } status) emails = emails.Where(e => e.Status == status);
            if (query.Before is { } before) emails = emails.Where(e => e.Id.CompareTo(before) < 0);
            var page = await emails.OrderByDescending(e => e.Id).Take(PageSize + 1)
                .Select(e => new Item(e.Id, e.CreatedAt, e.To, e.ToName, e.Subject, e.Status, e.Attempts, e.NextAttemptAt, e.SentAt, e.LastError,
                    e.AttachmentName != null))
                .ToListAsync(ct);
            var items = page.Take(PageSize).ToList();
            // Sent emails pile up; only the states an admin acts on are counted (each walks the (status, ...) index).
            var counts = await db.OutboxEmails.AsNoTracking()
                .Where(e => e.Status != EmailStatus.Sent)
                .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            return new Model(items, page.Count > PageSize ? items[^1].Id : null, counts);
        }
    }
}
