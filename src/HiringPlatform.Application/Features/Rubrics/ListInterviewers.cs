using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// People who can be a stage's default interviewers: active staff with the Interviewer role, the posting's own team first.
public static class ListInterviewers
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<IReadOnlyList<Item>>
    {
        public Guid PostingId { get; init; }
    }

    public sealed record Item(Guid Id, string Name, string Email, bool OnTeam);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            // Who is on a team is the team's business: only people who may see the posting get its list.
            await PostingAccess.EnsureCanSeePostingAsync(db, user, query.PostingId, ct);
            var team = PostingAccess.TeamOf(db, query.PostingId);
            var people = await StageFormValidator.InterviewerPool(db).AsNoTracking()
                .Select(u => new
                {
                    u.Id,
                    u.DisplayName,
                    u.Email,
                    OnTeam = team.Any(m => m.UserId == u.Id),
                })
                .ToListAsync(ct);
            return people.OrderByDescending(p => p.OnTeam).ThenBy(p => p.DisplayName)
                .Select(p => new Item(p.Id, p.DisplayName, p.Email ?? "", p.OnTeam)).ToList();
        }
    }
}
