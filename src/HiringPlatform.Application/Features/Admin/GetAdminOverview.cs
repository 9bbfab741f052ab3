using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

// The numbers an admin checks first: who has access, whether email is flowing, what changed lately.
public static class GetAdminOverview
{
    public const int RecentAuditCount = 6;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Model>;

    public sealed record Model(IReadOnlyList<RoleCount> UsersByRole, int ActiveUsers, int InvitedUsers, int LockedOutUsers, int DeactivatedUsers,
        int UsersWithoutTwoFactor, bool RequireTwoFactor, int PendingEmails, int FailedEmails, DateTimeOffset? OldestPendingAt,
        IReadOnlyList<ListAuditEntries.Item> RecentAudit);

    public sealed record RoleCount(string Role, int Count);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var byRole = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                join u in db.Users on ur.UserId equals u.Id
                                where u.IsActive
                                group ur by r.Name into g
                                select new { Role = g.Key!, Count = g.Count() }).ToListAsync(ct);
            var users = await db.Users.AsNoTracking()
                .GroupBy(_ => 1)
                .Select(g => new
                {
                    Active = g.Count(u => u.IsActive),
                    Invited = g.Count(u => u.IsActive && u.PasswordHash == null),
                    Locked = g.Count(u => u.IsActive && u.LockoutEnd != null && u.LockoutEnd > now),
                    Deactivated = g.Count(u => !u.IsActive),
                    WithoutTwoFactor = g.Count(u => u.IsActive && !u.TwoFactorEnabled),
                })
                .SingleOrDefaultAsync(ct);
            var emails = await db.OutboxEmails.AsNoTracking()
                .Where(e => e.Status == EmailStatus.Pending || e.Status == EmailStatus.Sending || e.Status == EmailStatus.Failed)
                .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(e => e.CreatedAt) })
                .ToListAsync(ct);
            var queued = emails.Where(e => e.Key != EmailStatus.Failed).ToList();
            var recent = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Take(RecentAuditCount)
                .Select(e => new ListAuditEntries.Item(e.Id, e.At, e.UserId, e.UserName, e.Command, e.EntityType, e.EntityId, e.Action, e.Fields, e.CorrelationId))
                .ToListAsync(ct);
            var requireTwoFactor = await db.Settings.AsNoTracking().AnyAsync(s => s.Key == SettingKeys.RequireTwoFactor && s.Value == "true", ct);
            return new Model(
                Roles.All.Select(r => new RoleCount(r, byRole.FirstOrDefault(x => x.Role == r)?.Count ?? 0)).ToList(),
                users?.Active ?? 0, users?.Invited ?? 0, users?.Locked ?? 0, users?.Deactivated ?? 0, users?.WithoutTwoFactor ?? 0,
                requireTwoFactor,
                queued.Sum(e => e.Count), emails.Where(e => e.Key == EmailStatus.Failed).Sum(e => e.Count),
                queued.Count > 0 ? queued.Min(e => e.Oldest) : null,
                recent);
        }
    }
}
