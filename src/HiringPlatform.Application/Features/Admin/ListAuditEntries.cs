using FluentValidation;
using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Interceptors;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

// The audit log, newest first, a page at a time (keyset on id, which only grows).
public static class ListAuditEntries
{
    public const int PageSize = 50;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Model>, IReadFromReplica
    {
        public string? EntityType { get; init; }
        public string? EntityId { get; init; }
        public Guid? UserId { get; init; }
        public string? Command { get; init; }

        // Whole days in the viewer's time zone (TimeZoneId), both included.
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
        public string TimeZoneId { get; init; } = "UTC";

        public long? Before { get; init; }

        public bool IsFiltered => !string.IsNullOrWhiteSpace(EntityType) || !string.IsNullOrWhiteSpace(EntityId) || UserId is not null
                                  || !string.IsNullOrWhiteSpace(Command) || From is not null || To is not null;
    }

    public sealed record Model(IReadOnlyList<Item> Items, long? NextBefore, IReadOnlyList<string> EntityTypes, IReadOnlyList<UserOption> Users);

    public sealed record Item(long Id, DateTimeOffset At, Guid? UserId, string? UserName, string Command, string EntityType, string? EntityId,
        string Action, IReadOnlyList<string> Fields, string? CorrelationId);

    public sealed record UserOption(Guid Id, string DisplayName, string Email);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithMessage("The end date must be on or after the start date.");
            RuleFor(q => q.Command).MaximumLength(200);
            RuleFor(q => q.EntityId).MaximumLength(200);
        }
    }

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(e => e.EntityType == query.EntityType);
            if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(e => e.EntityId == query.EntityId.Trim());
            if (query.UserId is { } userId) entries = entries.Where(e => e.UserId == userId);
            if (!string.IsNullOrWhiteSpace(query.Command))
            {
                var pattern = "%" + Like.Escape(query.Command.Trim()) + "%";
                entries = entries.Where(e => EF.Functions.ILike(e.Command, pattern, Like.EscapeChar));
            }
            var zone = TimeZones.FindOrUtc(query.TimeZoneId);
            if (query.From is { } from)
            {
                var start = TimeZones.StartOfDay(from, zone);
                entries = entries.Where(e => e.At >= start);
            }
            if (query.To is { } to && TimeZones.EndOfDay(to, zone) is { } end) entries = entries.Where(e => e.At < end);
            if (query.Before is { } before) entries = entries.Where(e => e.Id < before);

            var page = await entries.OrderByDescending(e => e.Id).Take(PageSize + 1)
                .Select(e => new Item(e.Id, e.At, e.UserId, e.UserName, e.Command, e.EntityType, e.EntityId, e.Action, e.Fields, e.CorrelationId))
                .ToListAsync(ct);
            var items = page.Take(PageSize).ToList();

            var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
                .Select(u => new UserOption(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct);
            return new Model(items, page.Count > PageSize ? items[^1].Id : null, AuditedEntityTypes(db), users);
        }

        // The filter's choices come from the model, not from SELECT DISTINCT over millions of audit rows.
        private static List<string> AuditedEntityTypes(AppDbContext db) =>
            db.Model.GetEntityTypes()
                .Where(t => !t.IsPropertyBag && AuditInterceptor.IsAudited(t.ClrType))
                .Select(AuditInterceptor.EntityTypeName)
                .Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
