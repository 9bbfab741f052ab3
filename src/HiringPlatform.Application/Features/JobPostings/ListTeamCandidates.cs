using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings;

// The people who can be put on a hiring team in a given role: active users holding that role.
public static class ListTeamCandidates
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query(string Role) : IQuery<IReadOnlyList<Model>>;

    public sealed record Model(Guid Id, string DisplayName, string Email);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Model>>
    {
        public async ValueTask<IReadOnlyList<Model>> Handle(Query query, CancellationToken ct) =>
            await db.Users.AsNoTracking()
                .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == query.Role)))
                .OrderBy(u => u.DisplayName)
                .Select(u => new Model(u.Id, u.DisplayName, u.Email ?? ""))
                .ToListAsync(ct);
    }
}
