using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

// The account side of a user's admin page: can they sign in, and, for someone deactivated, the work that still
// names them (upcoming interviews and open postings) so it can be handed to someone else.
public static class GetUserAccount
{
    public const int MaxListed = 100;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Model>
    {
        public Guid Id { get; init; }
    }

    public sealed record Model(Guid Id, string DisplayName, string Email, bool IsActive, bool IsInvited, bool IsLockedOut,
        DateTimeOffset? LockedUntil, bool TwoFactorEnabled, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt,
        IReadOnlyList<OpenInterview> OpenInterviews, IReadOnlyList<OpenPosting> OpenPostings);

    public sealed record OpenInterview(Guid Id, DateTimeOffset StartsAt, string CandidateName, Guid PostingId, string PostingTitle, string StageName);

    public sealed record OpenPosting(Guid Id, string Title, PostingStatus Status, TeamRole Role);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var user = await db.Users.AsNoTracking().Where(u => u.Id == query.Id)
                           .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, u.PasswordHash, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedAt, u.DeactivatedAt })
                           .SingleOrDefaultAsync(ct)
                       ?? throw new NotFoundException("User");

            var interviews = await (
                    from p in db.InterviewParticipants
                    join i in db.Interviews on p.InterviewId equals i.Id
                    join a in db.Applications on i.ApplicationId equals a.Id
                    join c in db.Candidates on a.CandidateId equals c.Id
                    join j in db.JobPostings on a.PostingId equals j.Id
                    join s in db.InterviewStages on i.StageId equals s.Id
                    where p.InterviewerId == query.Id && i.Status == InterviewStatus.Scheduled && i.StartsAt > now
                    orderby i.StartsAt
                    select new OpenInterview(i.Id, i.StartsAt, c.FullName, j.Id, j.Title, s.Name))
                .AsNoTracking().Take(MaxListed).ToListAsync(ct);

            var postings = await (
                    from m in PostingAccess.MembershipsOf(db, query.Id)
                    join j in db.JobPostings on m.PostingId equals j.Id
                    where m.Role != TeamRole.Interviewer && j.Status != PostingStatus.Closed
                    orderby j.Title
                    select new OpenPosting(j.Id, j.Title, j.Status, m.Role))
                .AsNoTracking().Take(MaxListed).ToListAsync(ct);

            var locked = user.IsActive && user.LockoutEnd is { } end && end > now;
            return new Model(user.Id, user.DisplayName, user.Email ?? "", user.IsActive, user.IsActive && user.PasswordHash is null,
                locked, locked ? user.LockoutEnd : null, user.TwoFactorEnabled, user.CreatedAt, user.DeactivatedAt, interviews, postings);
        }
    }
}
