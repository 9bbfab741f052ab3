using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Configurations;
using HiringPlatform.Application.Domain.Candidates;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// Possible duplicates: the same name with the same phone, or the same LinkedIn profile; and a careers application
// with the email of an existing profile, which gets its own profile (ApplyToPosting) and a pair flagged here. Looked up through the indexed phone_key / linked_in_key columns,
// normalised by the same SQL expressions PostgreSQL uses to generate them, so the two can never disagree.
public static class Duplicates
{
    public const string SamePhone = "Same name and phone number";
    public const string SameLinkedIn = "Same LinkedIn profile";
    public const string SameEmail = "Same email, given on the careers site";

    private sealed record Match(Guid Id, bool SamePhone, bool SameLinkedIn);

    // Records each new pair once; a pair dismissed as "not a duplicate" is never raised again. The caller saves.
    public static async Task<int> DetectAsync(AppDbContext db, Candidate candidate, DateTimeOffset now, CancellationToken ct)
    {
        var hasPhone = !string.IsNullOrWhiteSpace(candidate.Phone);
        var hasLinkedIn = !string.IsNullOrWhiteSpace(candidate.LinkedInUrl);
        if (!hasPhone && !hasLinkedIn) return 0;

        var sql = new SqlBuilder();
        var phoneMatch = "false";
        var linkedInMatch = "false";
        if (hasPhone)
        {
            var phone = sql.P(candidate.Phone!);
            var name = sql.P(candidate.FullName);
            phoneMatch = $"(c.phone_key = {CandidateConfiguration.PhoneKeySql(phone)} AND " +
                         $"{CandidateConfiguration.NameKeySql("c.full_name")} = {CandidateConfiguration.NameKeySql(name)})";
        }
        if (hasLinkedIn)
            linkedInMatch = $"(c.linked_in_key = {CandidateConfiguration.LinkedInKeySql(sql.P(candidate.LinkedInUrl!))})";
        // A NULL key on the other side makes the comparison NULL, not false.
        sql.Add($"SELECT c.id, coalesce({phoneMatch}, false) AS same_phone, coalesce({linkedInMatch}, false) AS same_linked_in FROM candidates c");
        sql.Add($"WHERE c.id <> {sql.P(candidate.Id)} AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND ({phoneMatch} OR {linkedInMatch})");
        sql.Add("LIMIT 20");
        var matches = await db.Database.SqlQuery<Match>(sql.Build()).ToListAsync(ct);
        if (matches.Count == 0) return 0;

        var otherIds = matches.Select(m => m.Id).ToList();
        var known = await db.PossibleDuplicates.AsNoTracking()
            .Where(d => (d.CandidateId == candidate.Id && otherIds.Contains(d.OtherCandidateId)) ||
                        (d.OtherCandidateId == candidate.Id && otherIds.Contains(d.CandidateId)))
            .Select(d => d.CandidateId == candidate.Id ? d.OtherCandidateId : d.CandidateId)
            .ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<PossibleDuplicate>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).Where(d => d.CandidateId == candidate.Id || d.OtherCandidateId == candidate.Id)
            .Select(d => d.CandidateId == candidate.Id ? d.OtherCandidateId : d.CandidateId);
        var skip = known.Concat(pending).ToHashSet();
        var added = 0;
        foreach (var match in matches.Where(m => !skip.Contains(m.Id)))
        {
            db.PossibleDuplicates.Add(new PossibleDuplicate(candidate.Id, match.Id, match.SameLinkedIn ? SameLinkedIn : SamePhone, now));
            added++;
        }
        return added;
    }
}
