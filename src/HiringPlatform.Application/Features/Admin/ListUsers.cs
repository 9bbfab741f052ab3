using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

public enum UserStatusFilter { All, Active, Invited, LockedOut, WithoutTwoFactor, Deactivated }

// Staff accounts, by name, a page at a time (keyset on display name then id).
public static class ListUsers
{
    public const int PageSize = 50;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Model>
    {
        public string? Q { get; init; }
        public string? Role { get; init; }
        public UserStatusFilter Status { get; init; }
        public Guid? After { get; init; }
    }

    public sealed record Model(IReadOnlyList<Item> Items, Guid? NextAfter, int ActiveCount, int DeactivatedCount);

    public sealed record Item(Guid Id, string DisplayName, string Email, string TimeZoneId, IReadOnlyList<string> Roles,
        bool IsActive, bool IsInvited, bool IsLockedOut, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var pattern = "%" + Like.Escape(query.Q.Trim()) + "%";
                users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern, Like.EscapeChar) || EF.Functions.ILike(u.Email!, pattern, Like.EscapeChar));
            }
            if (!string.IsNullOrWhiteSpace(query.Role))
            {
                var roleId = db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id);
                users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
            }
            users = query.Status switch
            {
                UserStatusFilter.Active => users.Where(u => u.IsActive),
                UserStatusFilter.Invited => users.Where(u => u.IsActive && u.PasswordHash == null),
                UserStatusFilter.LockedOut => users.Where(u => u.IsActive && u.LockoutEnd != null && u.LockoutEnd > now),
                UserStatusFilter.WithoutTwoFactor => users.Where(u => u.IsActive && !u.TwoFactorEnabled),
                UserStatusFilter.Deactivated => users.Where(u => !u.IsActive),
                _ => users,
            };
            if (query.After is { } after)
            {
                var afterName = await db.Users.AsNoTracking().Where(u => u.Id == after).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
                if (afterName is not null)
                    users = users.Where(u => string.Compare(u.DisplayName, afterName) > 0 || (u.DisplayName == afterName && u.Id.CompareTo(after) > 0));
            }
            var page = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(PageSize + 1)
                .Select(u => new
                {
                    u.Id, u.DisplayName, Email = u.Email ?? "", u.TimeZoneId, u.IsActive,
                    IsInvited = u.PasswordHash == null,
                    IsLockedOut = u.LockoutEnd != null && u.LockoutEnd > now,
                    u.TwoFactorEnabled, u.CreatedAt,
                })
                .ToListAsync(ct);
            var ids = page.Select(u => u.Id).ToList();
            var roles = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ids.Contains(ur.UserId)
                               select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct);
            var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
            var items = page.Take(PageSize).Select(u => new Item(u.Id, u.DisplayName, u.Email, u.TimeZoneId,
                Roles.All.Where(rolesByUser[u.Id].Contains).ToList(),
                u.IsActive, u.IsActive && u.IsInvited, u.IsActive && u.IsLockedOut, u.TwoFactorEnabled, u.CreatedAt)).ToList();
            var counts = await db.Users.AsNoTracking().GroupBy(u => u.IsActive).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            return new Model(items, page.Count > PageSize ? items[^1].Id : null,
                counts.Where(c => c.Key).Sum(c => c.Count), counts.Where(c => !c.Key).Sum(c => c.Count));
        }
    }
}
