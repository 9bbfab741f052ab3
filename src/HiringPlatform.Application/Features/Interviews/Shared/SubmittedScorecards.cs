using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews.Shared;

// Submitted scorecards as people read them: the panel's feedback beside a scorecard (GetPanelFeedback) and the
// columns of the score page (Decisions/GetApplicationScore). Private notes only for those who may read them.
public sealed record ScorecardView(
    Guid ScorecardId,
    Guid InterviewId,
    Guid InterviewerId,
    string InterviewerName,
    string StageName,
    DateTimeOffset? SubmittedAt,
    Recommendation? Recommendation,
    JobLevel? SupportedLevel,
    string? PrivateNote,
    int AmendmentCount,
    IReadOnlyList<RatingView> Ratings,
    IReadOnlyList<string> RedFlags);

public sealed record RatingView(Guid CompetencyId, string CompetencyName, int? Rating, string? Evidence);

public static class SubmittedScorecards
{
    public static async Task<List<ScorecardView>> LoadAsync(AppDbContext db, IQueryable<Scorecard> source, bool privateNotes, CancellationToken ct)
    {
        var rows = await (
            from s in source.AsNoTracking()
            join i in db.Interviews on s.InterviewId equals i.Id
            join st in db.InterviewStages on i.StageId equals st.Id
            join u in db.Users on s.InterviewerId equals u.Id
            orderby i.StartsAt, u.DisplayName
            select new
            {
                s.Id, s.InterviewId, s.InterviewerId, u.DisplayName, StageName = st.Name, s.SubmittedAt, s.Recommendation, s.SupportedLevel,
                s.PrivateNote, Amendments = s.Amendments.Count(),
                Ratings = s.Ratings.Select(r => new RatingView(r.CompetencyId, r.CompetencyName, r.Rating, r.Evidence)).ToList(),
                Flags = s.RedFlags.Select(f => f.RedFlagId).ToList(),
            }).Take(100).ToListAsync(ct);
        var flagIds = rows.SelectMany(r => r.Flags).Distinct().ToList();
        var flags = await db.RedFlags.AsNoTracking().Where(f => flagIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Text, ct);
        return rows.Select(r => new ScorecardView(r.Id, r.InterviewId, r.InterviewerId, r.DisplayName, r.StageName, r.SubmittedAt,
            r.Recommendation, r.SupportedLevel, privateNotes ? r.PrivateNote : null, r.Amendments, r.Ratings,
            r.Flags.Select(f => flags[f]).ToList())).ToList();
    }
}
