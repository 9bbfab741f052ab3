using System.Globalization;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// The pipeline board of one posting: a column per stage of its plan, with counts always shown and each column
// paged (oldest in stage first) so a posting with 20,000 applications renders a few dozen cards.
// Queries, whatever the posting's size: stages, one grouped count, one LATERAL query for every column's first page,
// one grouped query for the interview/feedback status of the cards shown, and the rubric for the bulk reject form.
public static class GetBoard
{
    public const int PageSize = 25;
    public static readonly int[] DayFilters = [7, 14, 30];

    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Query : IQuery<Model>
    {
        public Guid PostingId { get; init; }
        public CandidateSource? Source { get; init; }
        public string? Tag { get; init; }

        // Only cards that have been in their stage at least this many days.
        public int? Days { get; init; }
        public ApplicationStatus Status { get; init; } = ApplicationStatus.Active;

        // One column can be paged forward; the others show their first page.
        public Guid? Stage { get; init; }
        public string? After { get; init; }
    }

    public enum FeedbackState { None, Scheduled, Due, AllIn }

    public sealed record Card(Guid ApplicationId, Guid CandidateId, string Name, CandidateSource Source, string? SourceDetail,
        DateTimeOffset StageEnteredAt, int DaysInStage, decimal? WeightedScore, uint Version, IReadOnlyList<string> Tags,
        RejectionReason? RejectionReason, string? RejectionCompetency, DateTimeOffset? NextInterviewAt, int FeedbackExpected, int FeedbackSubmitted)
    {
        public string Selection => $"{ApplicationId}:{Version.ToString(CultureInfo.InvariantCulture)}";

        public FeedbackState Feedback => FeedbackExpected > FeedbackSubmitted ? FeedbackState.Due
            : NextInterviewAt is not null ? FeedbackState.Scheduled
            : FeedbackExpected > 0 ? FeedbackState.AllIn : FeedbackState.None;
    }

    public sealed record Column(Guid StageId, string Name, StageKind Kind, int Count, IReadOnlyList<Card> Cards,
        Guid? PreviousStageId, string? PreviousStageName, Guid? NextStageId, string? NextStageName, string? NextCursor, bool IsPagedForward);

    public sealed record Model(Query Filter, Guid PostingId, string PostingTitle, PostingStatus PostingStatus, IReadOnlyList<Column> Columns,
        IReadOnlyDictionary<ApplicationStatus, int> StatusCounts, IReadOnlyList<GetRejectionOptions.Option> Competencies,
        IReadOnlyList<Rejection.EmailTemplate> Templates)
    {
        public bool IsFiltered => Filter.Source is not null || !string.IsNullOrWhiteSpace(Filter.Tag) || Filter.Days is not null;
    }

    private sealed record CountRow(Guid StageId, string Status, int Count);

    private sealed record CardRow(Guid ApplicationId, Guid CandidateId, Guid StageId, string FullName, string Source, string? SourceDetail,
        DateTimeOffset StageEnteredAt, decimal? WeightedScore, long Version, string[] Tags, string? RejectionReason, string? RejectionCompetency);

    private sealed record StatusRow(Guid ApplicationId, DateTimeOffset? NextInterviewAt, int FeedbackExpected, int FeedbackSubmitted);

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            await PostingAccess.EnsureCanSeePostingAsync(db, user, query.PostingId, ct);
            var posting = await db.JobPostings.AsNoTracking().Where(p => p.Id == query.PostingId)
                .Select(p => new { p.Title, p.Status }).SingleAsync(ct);
            var stages = await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == query.PostingId).OrderBy(s => s.Order)
                .Select(s => new { s.Id, s.Name, s.Kind }).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var tag = string.IsNullOrWhiteSpace(query.Tag) ? null : Candidate.NormalizeTag(query.Tag);
            // Clamped: a hand-typed ?days=2147483647 means "older than anything", not an overflow.
            var cutoff = query.Days is > 0 ? now.AddDays(-Math.Min(query.Days.Value, 36_500)) : (DateTimeOffset?)null;
            var cursor = ParseCursor(query.After);
            var pagedStage = cursor is null ? null : query.Stage;

            // 1. Counts per stage and status in one grouped query (index-only on the board index when unfiltered).
            var counts = new SqlBuilder();
            counts.Add("SELECT a.stage_id, a.status, count(*)::int AS count FROM applications a");
            counts.Add($"WHERE a.posting_id = {counts.P(query.PostingId)}");
            AddFilters(counts, query.Source, tag, cutoff);
            counts.Add("GROUP BY a.stage_id, a.status");
            var countRows = await db.Database.SqlQuery<CountRow>(counts.Build()).ToListAsync(ct);

            // 2. The first page of every column at once: one LATERAL index range scan per stage on
            //    (posting_id, stage_id, status, stage_entered_at, id), keyset-paged on (stage_entered_at, id).
            var cards = new SqlBuilder();
            cards.Add("""
                SELECT x.id AS application_id, x.candidate_id, x.stage_id, c.full_name, x.source, x.source_detail, x.stage_entered_at,
                       x.weighted_score, x.xmin::text::bigint AS version, c.tags, x.rejection_reason,
                       (SELECT k.name FROM competencies k WHERE k.id = x.rejection_competency_id) AS rejection_competency
                FROM interview_stages s
                CROSS JOIN LATERAL (
                    SELECT a.id, a.candidate_id, a.stage_id, a.source, a.source_detail, a.stage_entered_at, a.weighted_score, a.xmin, a.rejection_reason,
                           a.rejection_competency_id
                    FROM applications a
                    WHERE a.posting_id = s.posting_id AND a.stage_id = s.id
                """);
            cards.Add($"  AND a.status = {cards.P(query.Status.ToString())}");
            AddFilters(cards, query.Source, tag, cutoff);
            if (cursor is { } after && pagedStage is { } paged)
            {
                var p = cards.P(paged);
                cards.Add($"  AND (a.stage_entered_at, a.id) > (CASE WHEN s.id = {p} THEN {cards.P(after.At)} ELSE '-infinity'::timestamptz END, " +
                          $"CASE WHEN s.id = {p} THEN {cards.P(after.Id)} ELSE '00000000-0000-0000-0000-000000000000'::uuid END)");
            }
            cards.Add($"""
                    ORDER BY a.stage_entered_at, a.id
                    LIMIT {cards.P(PageSize + 1)}
                ) x
                JOIN candidates c ON c.id = x.candidate_id
                WHERE s.posting_id = {cards.P(query.PostingId)}
                """);
            var cardRows = await db.Database.SqlQuery<CardRow>(cards.Build()).ToListAsync(ct);

            // 3. Interview and feedback status, for the cards on the page only.
            var shownIds = cardRows.GroupBy(r => r.StageId).SelectMany(g => g.Take(PageSize)).Select(r => r.ApplicationId).ToArray();
            var statuses = shownIds.Length == 0 ? [] : await db.Database.SqlQuery<StatusRow>($"""
                SELECT i.application_id,
                       min(i.starts_at) FILTER (WHERE i.status = 'Scheduled' AND i.starts_at > {now}) AS next_interview_at,
                       count(*) FILTER (WHERE i.status <> 'Cancelled' AND i.starts_at + make_interval(mins => i.duration_minutes) <= {now})::int AS feedback_expected,
                       count(sc.id) FILTER (WHERE i.status <> 'Cancelled' AND i.starts_at + make_interval(mins => i.duration_minutes) <= {now}
                                            AND sc.status = 'Submitted')::int AS feedback_submitted
                FROM interviews i
                JOIN interview_participants p ON p.interview_id = i.id
                LEFT JOIN scorecards sc ON sc.interview_id = i.id AND sc.interviewer_id = p.interviewer_id
                WHERE i.application_id = ANY({shownIds})
                GROUP BY i.application_id
                """).ToDictionaryAsync(r => r.ApplicationId, ct);

            var competencies = await db.RubricItems.AsNoTracking().Where(r => r.PostingId == query.PostingId).OrderBy(r => r.Order)
                .Join(db.Competencies, r => r.CompetencyId, c => c.Id, (r, c) => new GetRejectionOptions.Option(c.Id, c.Name))
                .ToListAsync(ct);

            var status = query.Status.ToString();
            var columns = stages.Select((s, i) =>
            {
                var rows = cardRows.Where(r => r.StageId == s.Id).ToList();
                var page = rows.Take(PageSize).Select(r =>
                {
                    statuses.TryGetValue(r.ApplicationId, out var st);
                    return new Card(r.ApplicationId, r.CandidateId, r.FullName, Enum.Parse<CandidateSource>(r.Source), r.SourceDetail,
                        r.StageEnteredAt, Math.Max(0, (int)(now - r.StageEnteredAt).TotalDays), r.WeightedScore, (uint)r.Version, r.Tags,
                        r.RejectionReason is null ? null : Enum.Parse<RejectionReason>(r.RejectionReason), r.RejectionCompetency,
                        st?.NextInterviewAt, st?.FeedbackExpected ?? 0, st?.FeedbackSubmitted ?? 0);
                }).ToList();
                var next = rows.Count > PageSize ? FormatCursor(page[^1].StageEnteredAt, page[^1].ApplicationId) : null;
                var previous = i > 0 ? stages[i - 1] : null;
                var following = i < stages.Count - 1 ? stages[i + 1] : null;
                return new Column(s.Id, s.Name, s.Kind,
                    countRows.Where(c => c.StageId == s.Id && c.Status == status).Sum(c => c.Count), page,
                    previous?.Id, previous?.Name, following?.Id, following?.Name, next, pagedStage == s.Id);
            }).ToList();

            var statusCounts = Enum.GetValues<ApplicationStatus>()
                .ToDictionary(st => st, st => countRows.Where(c => c.Status == st.ToString()).Sum(c => c.Count));
            return new Model(query with { Tag = tag }, query.PostingId, posting.Title, posting.Status, columns, statusCounts, competencies,
                Rejection.Templates);
        }

        private static void AddFilters(SqlBuilder sql, CandidateSource? source, string? tag, DateTimeOffset? cutoff)
        {
            if (source is not null) sql.Add($"  AND a.source = {sql.P(source.Value.ToString())}");
            if (cutoff is not null) sql.Add($"  AND a.stage_entered_at <= {sql.P(cutoff.Value)}");
            if (tag is not null)
                sql.Add($"  AND EXISTS (SELECT 1 FROM candidates t WHERE t.id = a.candidate_id AND t.tags @> ARRAY[{sql.P(tag)}]::text[])");
        }
    }

    public static string FormatCursor(DateTimeOffset at, Guid id) =>
        $"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{id:N}";

    public static (DateTimeOffset At, Guid Id)? ParseCursor(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var parts = value.Split('_');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out var id))
            return null;
        return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}
