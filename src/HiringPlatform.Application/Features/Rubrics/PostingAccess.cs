using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.JobPostings;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// What the signed-in person may do with one posting's rubric and plan.
public sealed record PostingAccess(Guid PostingId, string Title, PostingStatus Status, bool IsAdmin, bool IsHiringManager, bool IsRecruiter)
{
    // The hiring manager owns the rubric: recruiters on the team read it.
    public bool CanEditRubric => IsAdmin || IsHiringManager;

    // Recruiters run the process, so they tailor the plan alongside the hiring manager.
    public bool CanEditPlan => IsAdmin || IsHiringManager || IsRecruiter;

    // Recruiters and hiring managers see only postings they are on the team of; others get NotFound,
    // so they do not learn that the posting exists.
    public static async Task<PostingAccess> RequireAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        return await FindAsync(db, user, postingId, ct) ?? throw new NotFoundException("Posting");
    }

    public static async Task<PostingAccess?> FindAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct)
    {
        var posting = await db.JobPostings.AsNoTracking()
            .Where(p => p.Id == postingId)
            .Select(p => new { p.Title, p.Status })
            .SingleOrDefaultAsync(ct);
        if (posting is null) return null;
        var userId = user.Id ?? Guid.Empty;
        var roles = await db.PostingTeamMembers.AsNoTracking()
            .Where(m => m.PostingId == postingId && m.UserId == userId)
            .Select(m => m.Role)
            .ToListAsync(ct);
        var access = new PostingAccess(postingId, posting.Title, posting.Status, user.IsAdmin(),
            roles.Contains(TeamRole.HiringManager), roles.Contains(TeamRole.Recruiter));
        return access.IsAdmin || access.IsHiringManager || access.IsRecruiter ? access : null;
    }

    // Validators skip cross-record rules for people without access: the handler answers them with NotFound,
    // and error messages must not describe a posting they cannot see.
    public static async Task<bool> CanSeeAsync(AppDbContext db, ICurrentUser user, Guid postingId, CancellationToken ct) =>
        await FindAsync(db, user, postingId, ct) is not null;
}

// Optimistic concurrency for edits that change only child rows (rubric items, a stage's focus): the parent's
// row is still updated, with the version the person started from, so a second editor gets a conflict instead
// of silently overwriting the first.
internal static class Concurrency
{
    public static void Expect<T>(AppDbContext db, T entity, uint version, TimeProvider clock) where T : class, IConcurrencyChecked
    {
        var entry = db.Entry(entity);
        entry.Property(nameof(IConcurrencyChecked.Version)).OriginalValue = version;
        if (entity is IAuditable auditable)
        {
            auditable.UpdatedAt = clock.GetUtcNow();
            entry.Property(nameof(IAuditable.UpdatedAt)).IsModified = true;
        }
        else
        {
            // Nothing to stamp: re-write one column with its own value, which still issues the checked UPDATE.
            var property = entry.Properties.First(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsConcurrencyToken && !p.Metadata.IsShadowProperty());
            property.IsModified = true;
        }
    }
}
