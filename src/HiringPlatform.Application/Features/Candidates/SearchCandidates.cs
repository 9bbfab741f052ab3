using System.Globalization;
using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Configurations;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// One search box over name, email, phone, tags and résumé text, with filters on the candidate's applications
// (posting, stage, source, applied between). Each kind of match is one indexed branch:
//   exact email (unique b-tree), email prefix (pattern_ops b-tree), name prefix / word prefix / similarity (pg_trgm GIN),
//   phone (phone_key b-tree), tag (GIN on tags), full text (GIN on search_vector, websearch_to_tsquery).
// Trade-off: ranking every match of a word most résumés contain means reading and ts_rank-ing ~1M tsvectors
// (seconds). So each branch takes at most Bound matches in whatever order is cheapest for PostgreSQL (no ORDER BY,
// so a bitmap or sequential scan can stop after Bound rows), and only that bounded set is ranked and paged.
// Rare words, names and emails have fewer matches than the bound and are ranked completely; for very common words
// the best match overall may be outside the set, and the page says so and suggests adding words or filters.
// ts_headline (snippets) runs on the displayed page only.
public static class SearchCandidates
{
    public const int PageSize = 20;
    public const int Bound = 200;
    public const int MaxPage = Bound / PageSize;
    public const char HitStart = '\u27E6';
    public const char HitEnd = '\u27E7';

    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Query : IQuery<Model>, IReadFromReplica
    {
        public string? Q { get; init; }
        public Guid? PostingId { get; init; }
        public Guid? StageId { get; init; }
        public CandidateSource? Source { get; init; }
        public DateOnly? AppliedFrom { get; init; }
        public DateOnly? AppliedTo { get; init; }
        public int Page { get; init; } = 1;
        // Applied from/to are whole days in the searcher's time zone (set from their profile, not from the query string).
        public string TimeZoneId { get; init; } = "UTC";
    }

    public sealed record Segment(string Text, bool Hit);

    public sealed record Result(Guid Id, string FullName, string Email, string? Phone, string? Location, IReadOnlyList<string> Tags,
        CandidateSource Source, IReadOnlyList<string> MatchedOn, IReadOnlyList<Segment> Snippet, Guid? PostingId, string? PostingTitle,
        string? StageName, ApplicationStatus? Status, int Applications);

    public sealed record Option(Guid Id, string Name);

    public sealed record Model(Query Filter, IReadOnlyList<Result> Results, int Page, bool HasNext, int? Total, bool Capped,
        IReadOnlyList<Option> Postings, IReadOnlyList<Option> Stages);

    private sealed record Hit(Guid Id, double Score, string[] Why, int Total);

    private sealed record Row(Guid Id, string FullName, string Email, string? Phone, string? Location, string[] Tags, string Source, string? Snippet);

    private sealed record Latest(Guid CandidateId, Guid PostingId, string Title, string StageName, string Status, int Applications);

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var visible = await PostingAccess.VisiblePostingIdsAsync(db, user, ct);
            var page = Math.Clamp(query.Page, 1, MaxPage);
            var q = (query.Q ?? "").Trim();
            if (q.Length > 200) q = q[..200];
            var stageId = query.PostingId is null ? null : query.StageId;
            var filter = query with { Q = q, StageId = stageId, Page = page };

            var postings = visible is null
                ? await db.JobPostings.AsNoTracking().OrderBy(p => p.Title).Select(p => new Option(p.Id, p.Title)).ToListAsync(ct)
                : await db.JobPostings.AsNoTracking().Where(p => visible.Contains(p.Id)).OrderBy(p => p.Title).Select(p => new Option(p.Id, p.Title)).ToListAsync(ct);
            var stages = query.PostingId is null ? [] : await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == query.PostingId)
                .OrderBy(s => s.Order).Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);

            List<Hit> hits;
            bool hasNext;
            int? total = null;
            if (q.Length == 0)
            {
                // No words: the newest candidates matching the filters (ids are time-ordered), offset-paged within MaxPage pages.
                var sql = new SqlBuilder();
                sql.Add("SELECT c.id, 0::float8 AS score, ARRAY[]::text[] AS why, 0 AS total FROM candidates c WHERE");
                AddFilter(sql, filter, visible);
                sql.Add($"ORDER BY c.id DESC LIMIT {sql.P(PageSize + 1)} OFFSET {sql.P((page - 1) * PageSize)}");
                hits = await db.Database.SqlQuery<Hit>(sql.Build()).ToListAsync(ct);
                hasNext = hits.Count > PageSize && page < MaxPage;
                hits = hits.Take(PageSize).ToList();
            }
            else
            {
                var sql = BuildMatchQuery(q, filter, visible, page);
                hits = await db.Database.SqlQuery<Hit>(sql.Build()).ToListAsync(ct);
                total = hits.Count > 0 ? hits[0].Total : 0;
                hasNext = page * PageSize < total;
            }

            var results = await DetailsAsync(hits, q, visible, ct);
            return new Model(filter, results, page, hasNext, total, total >= Bound, postings, stages);
        }

        private static SqlBuilder BuildMatchQuery(string q, Query filter, Guid[]? visible, int page)
        {
            var sql = new SqlBuilder();
            var lower = q.ToLowerInvariant();
            var like = Like.Escape(lower);
            var branches = new List<Action>();
            void Branch(string select, string where, int limit)
            {
                branches.Add(() =>
                {
                    sql.Add($"({select} FROM candidates c WHERE {where} AND");
                    AddFilter(sql, filter, visible);
                    sql.Add($"LIMIT {sql.P(limit)})");
                });
            }

            if (q.Contains('@', StringComparison.Ordinal))
                Branch($"SELECT c.id, 1000.0::float8 AS score, 'email' AS why", $"c.email = {sql.P(lower)}", 1);
            if (!q.Contains(' ', StringComparison.Ordinal) && q.Length >= 3)
                Branch($"SELECT c.id, 50.0::float8, 'email'", $"c.email LIKE {sql.P(like + "%")}", 50);
            // An email address (a word with an @ and a dot after it) is not a name, a tag or a résumé word: the email
            // branches answer it alone, instead of a trigram similarity over every name.
            var at = q.IndexOf('@', StringComparison.Ordinal);
            var isEmail = at > 0 && !q.Contains(' ', StringComparison.Ordinal) && q.IndexOf('.', at) > at + 1;
            var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length >= 7 && q.All(ch => char.IsAsciiDigit(ch) || " +()-./".Contains(ch, StringComparison.Ordinal)))
                Branch($"SELECT c.id, 900.0::float8, 'phone'", $"c.phone_key = {CandidateConfiguration.PhoneKeySql(sql.P(q))}", 50);
            if (q.Any(char.IsLetter) && q.Length >= 2 && !isEmail)
            {
                var qp = sql.P(q);
                var prefix = sql.P(like + "%");
                var fuzzy = q.Length >= 4 ? $" OR c.full_name % {qp}" : "";
                // Start of the name ranks above start of a later word (surname), which ranks above a similar spelling.
                Branch($"SELECT c.id, (40 + 20 * similarity(c.full_name, {qp}) + CASE WHEN c.full_name ILIKE {prefix} THEN 10 ELSE 0 END)::float8, 'name'",
                    $"(c.full_name ILIKE {prefix} OR c.full_name ILIKE {sql.P("% " + like + "%")}{fuzzy})", Bound);
            }
            var tag = Candidate.NormalizeTag(q);
            if (tag.Length is > 0 and <= Candidate.MaxTagLength && !isEmail)
                Branch($"SELECT c.id, 30.0::float8, 'tag'", $"c.tags @> ARRAY[{sql.P(tag)}]::text[]", Bound);

            var tsq = $"websearch_to_tsquery('english', {sql.P(q)})";
            if (!isEmail) branches.Add(() =>
            {
                // Name words carry weight A and résumé words D, so ts_rank favours a name hit; x10 brings it near the other scores.
                sql.Add($"(SELECT f.id, (10 * ts_rank(f.search_vector, {tsq}))::float8, 'resume' FROM (SELECT c.id, c.search_vector FROM candidates c");
                sql.Add($"WHERE c.search_vector @@ {tsq} AND");
                AddFilter(sql, filter, visible);
                sql.Add($"LIMIT {sql.P(Bound)}) f)");
            });

            sql.Add("WITH m(id, score, why) AS (");
            for (var i = 0; i < branches.Count; i++)
            {
                if (i > 0) sql.Add("UNION ALL");
                branches[i]();
            }
            sql.Add(")");
            sql.Add("SELECT id, sum(score)::float8 AS score, array_agg(DISTINCT why) AS why, (count(*) OVER ())::int AS total FROM m");
            sql.Add($"GROUP BY id ORDER BY score DESC, id DESC LIMIT {sql.P(PageSize)} OFFSET {sql.P((page - 1) * PageSize)}");
            return sql;
        }

        // Not merged away or erased; for recruiters and hiring managers, in one of their postings; plus the filters,
        // all of which are about the candidate's applications.
        private static void AddFilter(SqlBuilder sql, Query filter, Guid[]? visible)
        {
            sql.Add("c.merged_into_id IS NULL AND c.erased_at IS NULL");
            var conditions = new List<string>();
            if (visible is not null) conditions.Add($"a.posting_id = ANY({sql.P(visible)})");
            if (filter.PostingId is { } p) conditions.Add($"a.posting_id = {sql.P(p)}");
            if (filter.StageId is { } s) conditions.Add($"a.stage_id = {sql.P(s)}");
            if (filter.Source is { } source) conditions.Add($"a.source = {sql.P(source.ToString())}");
            var zone = TimeZones.FindOrUtc(filter.TimeZoneId);
            if (filter.AppliedFrom is { } from) conditions.Add($"a.applied_at >= {sql.P(TimeZones.StartOfDay(from, zone))}");
            if (filter.AppliedTo is { } to && TimeZones.EndOfDay(to, zone) is { } end) conditions.Add($"a.applied_at < {sql.P(end)}");
            if (conditions.Count > 0)
                sql.Add($"AND EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id AND {string.Join(" AND ", conditions)})");
        }

        private async Task<IReadOnlyList<Result>> DetailsAsync(List<Hit> hits, string q, Guid[]? visible, CancellationToken ct)
        {
            if (hits.Count == 0) return [];
            var ids = hits.Select(h => h.Id).ToArray();
            var sql = new SqlBuilder();
            var snippet = "NULL::text";
            if (hits.Any(h => h.Why.Contains("resume")))
            {
                // Headlines from the first 20,000 characters: ts_headline parses the whole text it is given.
                snippet = $"CASE WHEN c.search_vector @@ websearch_to_tsquery('english', {sql.P(q)}) THEN ts_headline('english', left(coalesce(c.resume_text, ''), 20000), " +
                          $"websearch_to_tsquery('english', {sql.P(q)}), {sql.P($"MaxFragments=2, MaxWords=16, MinWords=6, StartSel={HitStart}, StopSel={HitEnd}, FragmentDelimiter=\" … \"")}) END";
            }
            sql.Add($"SELECT c.id, c.full_name, c.email, c.phone, c.location, c.tags, c.source, {snippet} AS snippet FROM candidates c WHERE c.id = ANY({sql.P(ids)})");
            var rows = await db.Database.SqlQuery<Row>(sql.Build()).ToDictionaryAsync(r => r.Id, ct);

            var latest = new SqlBuilder();
            latest.Add("""
                SELECT DISTINCT ON (a.candidate_id) a.candidate_id, a.posting_id, p.title, s.name AS stage_name, a.status,
                       (count(*) OVER (PARTITION BY a.candidate_id))::int AS applications
                FROM applications a JOIN job_postings p ON p.id = a.posting_id JOIN interview_stages s ON s.id = a.stage_id
                """);
            latest.Add($"WHERE a.candidate_id = ANY({latest.P(ids)})");
            if (visible is not null) latest.Add($"AND a.posting_id = ANY({latest.P(visible)})");
            latest.Add("ORDER BY a.candidate_id, a.applied_at DESC");
            var applications = await db.Database.SqlQuery<Latest>(latest.Build()).ToDictionaryAsync(r => r.CandidateId, ct);

            return hits.Where(h => rows.ContainsKey(h.Id)).Select(h =>
            {
                var r = rows[h.Id];
                applications.TryGetValue(h.Id, out var a);
                return new Result(r.Id, r.FullName, r.Email, r.Phone, r.Location, r.Tags, Enum.Parse<CandidateSource>(r.Source),
                    h.Why.Select(w => w switch { "resume" => "résumé", _ => w }).ToList(), Segments(r.Snippet),
                    a?.PostingId, a?.Title, a?.StageName, a is null ? null : Enum.Parse<ApplicationStatus>(a.Status), a?.Applications ?? 0);
            }).ToList();
        }
    }

    // ts_headline marks hits with two private characters; the view encodes each segment and highlights the hits.
    public static IReadOnlyList<Segment> Segments(string? headline)
    {
        if (string.IsNullOrWhiteSpace(headline)) return [];
        var segments = new List<Segment>();
        var rest = headline.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(HitStart);
            if (start < 0) { segments.Add(new Segment(rest.ToString(), false)); break; }
            if (start > 0) segments.Add(new Segment(rest[..start].ToString(), false));
            rest = rest[(start + 1)..];
            var end = rest.IndexOf(HitEnd);
            if (end < 0) { segments.Add(new Segment(rest.ToString(), true)); break; }
            segments.Add(new Segment(rest[..end].ToString(), true));
            rest = rest[(end + 1)..];
        }
        return segments;
    }

    public static string Describe(int? total, bool capped) =>
        total is null ? "" : capped ? $"{Bound}+ matches" : total == 1 ? "1 match" : $"{total.Value.ToString(CultureInfo.InvariantCulture)} matches";
}
