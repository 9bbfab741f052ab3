using System.Globalization;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// The candidate's profile: contact details, résumé, applications, tags, notes, possible duplicates and a
// keyset-paged timeline (newest first). Applications, notes and timeline are limited to the viewer's postings
// (ProfileScope); other postings show as "also in process for another role". A few indexed queries whatever the timeline's length.
// An interviewer who is not on a hiring team gets only a pointer to their own interview kits ("only what the kit
// shows"); anyone else without access gets "not found".
public static class GetCandidateProfile
{
    public const int TimelinePageSize = 25;
    public const string LockedScorecardSummary = "Scorecard submitted (shown once you submit your own)";

    [Authorize(Roles = "Recruiter,HiringManager,Interviewer")]
    public sealed record Query : IQuery<Model>
    {
        public Guid CandidateId { get; init; }

        // Timeline cursor: older than this event.
        public string? Before { get; init; }
    }

    public sealed record Resume(Guid FileId, string FileName, long SizeBytes, DateTimeOffset UploadedAt, ExtractionStatus Extraction, string? Text,
        ExtractionFailure? Failure = null)
    {
        // Why no text came out, in words a recruiter can act on (ADR-0014).
        public string FailureReason => Failure switch
        {
            ExtractionFailure.NoText => "the file holds no text we could find (it may be a scanned image)",
            ExtractionFailure.Damaged => "the file is damaged or is not a valid PDF or Word document",
            ExtractionFailure.TooLarge => "the file is too large or too complex to read",
            ExtractionFailure.Unsupported => "this kind of file is not read",
            ExtractionFailure.Crashed => "the reader stopped on this file twice",
            ExtractionFailure.TimedOut => "reading it took too long, twice",
            ExtractionFailure.Interrupted => "reading it was interrupted twice",
            _ => "the file could not be read",
        };
    }

    public sealed record FileRow(Guid Id, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt, FileKind Kind);

    public sealed record ApplicationRow(Guid Id, Guid PostingId, string PostingTitle, string StageName, int StageNumber, int StageCount,
        ApplicationStatus Status, CandidateSource Source, string? SourceDetail, DateTimeOffset AppliedAt, DateTimeOffset StageEnteredAt,
        DateTimeOffset? ClosedAt, RejectionReason? RejectionReason, string? RejectionCompetency, string? RejectionNote, decimal? WeightedScore,
        uint Version, bool CanManage);

    public sealed record NoteRow(Guid Id, string AuthorName, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool IsMine, string? PostingTitle);

    public sealed record DuplicateRow(Guid PairId, Guid OtherId, string OtherName, string OtherEmail, string Reason);

    public sealed record TimelineItem(Guid Id, DateTimeOffset At, ActivityKind Kind, string Summary, string? ActorName);

    public sealed record KitLink(Guid InterviewId, DateTimeOffset StartsAt, string StageName, InterviewStatus Status);

    public sealed record Model
    {
        public Guid Id { get; init; }
        public string FullName { get; init; } = "";

        // Set when the viewer is only an interviewer of this candidate: the page shows their kits, nothing else.
        public bool Restricted { get; init; }
        public IReadOnlyList<KitLink> Kits { get; init; } = [];

        public Guid? MergedIntoId { get; init; }
        public DateTimeOffset? ErasedAt { get; init; }
        public string Email { get; init; } = "";
        public string? Phone { get; init; }
        public string? Location { get; init; }
        public string? TimeZoneId { get; init; }
        public string? LinkedInUrl { get; init; }
        public string? GitHubUrl { get; init; }
        public string? WebsiteUrl { get; init; }
        public CandidateSource Source { get; init; }
        public string? SourceDetail { get; init; }
        public IReadOnlyList<string> Tags { get; init; } = [];
        public DateTimeOffset CreatedAt { get; init; }
        public Resume? CurrentResume { get; init; }
        public IReadOnlyList<FileRow> Files { get; init; } = [];
        public IReadOnlyList<ApplicationRow> Applications { get; init; } = [];

        // Also has an open application on a posting the viewer is not on: shown as one line, with no details.
        public bool InProcessElsewhere { get; init; }
        public IReadOnlyList<NoteRow> Notes { get; init; } = [];
        public IReadOnlyList<DuplicateRow> Duplicates { get; init; } = [];
        public IReadOnlyList<TimelineItem> Timeline { get; init; } = [];
        public string? TimelineNext { get; init; }
        public bool TimelinePaged { get; init; }
        public bool CanErase { get; init; }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var userId = user.RequireId();
            var id = query.CandidateId;
            var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Candidate");
            // A merged-away profile sends whoever may see the survivor there.
            if (candidate.MergedIntoId is { } survivor)
            {
                await PostingAccess.EnsureCanSeeCandidateAsync(db, user, survivor, ct);
                return new Model { Id = candidate.Id, FullName = candidate.FullName, MergedIntoId = survivor };
            }
            var managed = PostingAccess.TeamPostingIds(db, userId);
            var isAdmin = user.IsAdmin();
            if (!isAdmin && !await db.Applications.AnyAsync(a => a.CandidateId == id && managed.Contains(a.PostingId), ct))
                return await InterviewerViewAsync(candidate, userId, ct);

            // Each section shows only what the viewer's postings allow (ProfileScope, ADR-0011).
            var scope = await ProfileScope.ForAsync(db, user, ct);
            var applications = await (
                from a in scope.Applications(db, id).AsNoTracking()
                join p in db.JobPostings on a.PostingId equals p.Id
                join s in db.InterviewStages on a.StageId equals s.Id
                orderby a.AppliedAt descending
                select new
                {
                    a.Id, a.PostingId, p.Title, StageName = s.Name, s.Order,
                    StageCount = db.InterviewStages.Count(x => x.PostingId == a.PostingId),
                    a.Status, a.Source, a.SourceDetail, a.AppliedAt, a.StageEnteredAt, a.ClosedAt, a.RejectionReason, a.RejectionNote, a.WeightedScore, a.Version,
                    Competency = db.Competencies.Where(c => c.Id == a.RejectionCompetencyId).Select(c => c.Name).FirstOrDefault(),
                }).ToListAsync(ct);

            var notes = await (
                from n in scope.Notes(db, id).AsNoTracking()
                join u in db.Users on n.AuthorId equals u.Id
                orderby n.CreatedAt descending
                select new { n.Id, u.DisplayName, n.Body, n.CreatedAt, n.UpdatedAt, n.AuthorId, n.ApplicationId }).ToListAsync(ct);

            var files = await db.Files.AsNoTracking().Where(f => f.CandidateId == id).OrderByDescending(f => f.UploadedAt)
                .Select(f => new { f.Id, f.FileName, f.ContentType, f.SizeBytes, f.UploadedAt, f.Kind, f.Extraction, f.ExtractedText, f.ExtractionFailure }).ToListAsync(ct);

            var duplicates = await (
                from d in db.PossibleDuplicates.AsNoTracking()
                where d.ResolvedAt == null && (d.CandidateId == id || d.OtherCandidateId == id)
                let otherId = d.CandidateId == id ? d.OtherCandidateId : d.CandidateId
                join o in db.Candidates on otherId equals o.Id
                where o.MergedIntoId == null && o.ErasedAt == null
                // Only a pair the user could merge: naming someone from a posting they are not on would leak them.
                where isAdmin || db.Applications.Any(a => a.CandidateId == o.Id && managed.Contains(a.PostingId))
                select new DuplicateRow(d.Id, o.Id, o.FullName, o.Email, d.Reason)).ToListAsync(ct);

            var (timeline, next) = await TimelineAsync(scope, id, query.Before, ct);
            var elsewhere = await scope.InProcessElsewhereAsync(db, id, ct);

            var resumeFile = files.FirstOrDefault(f => f.Id == candidate.ResumeFileId);
            return new Model
            {
                Id = candidate.Id, FullName = candidate.FullName, ErasedAt = candidate.ErasedAt, Email = candidate.Email, Phone = candidate.Phone,
                Location = candidate.Location, TimeZoneId = candidate.TimeZoneId, LinkedInUrl = candidate.LinkedInUrl, GitHubUrl = candidate.GitHubUrl,
                WebsiteUrl = candidate.WebsiteUrl, Source = candidate.Source, SourceDetail = candidate.SourceDetail, Tags = candidate.Tags,
                CreatedAt = candidate.CreatedAt,
                CurrentResume = resumeFile is null ? null : new Resume(resumeFile.Id, resumeFile.FileName, resumeFile.SizeBytes, resumeFile.UploadedAt,
                    resumeFile.Extraction, candidate.ResumeText ?? resumeFile.ExtractedText, resumeFile.ExtractionFailure),
                Files = files.Select(f => new FileRow(f.Id, f.FileName, f.ContentType, f.SizeBytes, f.UploadedAt, f.Kind)).ToList(),
                Applications = applications.Select(a => new ApplicationRow(a.Id, a.PostingId, a.Title, a.StageName, a.Order + 1, a.StageCount, a.Status,
                    a.Source, a.SourceDetail, a.AppliedAt, a.StageEnteredAt, a.ClosedAt, a.RejectionReason, a.Competency, a.RejectionNote, a.WeightedScore,
                    a.Version, scope.Sees(a.PostingId))).ToList(),
                InProcessElsewhere = elsewhere,
                Notes = notes.Select(n => new NoteRow(n.Id, n.DisplayName, n.Body, n.CreatedAt, n.UpdatedAt, n.AuthorId == userId,
                    applications.FirstOrDefault(a => a.Id == n.ApplicationId)?.Title)).ToList(),
                Duplicates = duplicates,
                Timeline = timeline,
                TimelineNext = next,
                TimelinePaged = query.Before is not null,
                CanErase = isAdmin && candidate.ErasedAt is null,
            };
        }

        // Newest first, keyset-paged on (at, id) over the (candidate_id, at, id) index.
        private async Task<(IReadOnlyList<TimelineItem> Items, string? Next)> TimelineAsync(ProfileScope scope, Guid candidateId, string? before, CancellationToken ct)
        {
            var events = scope.Events(db, candidateId).AsNoTracking();
            if (GetBoard.ParseCursor(before) is { } cursor)
            {
                var (at, id) = cursor;
                events = events.Where(e => e.At < at || (e.At == at && e.Id.CompareTo(id) < 0));
            }
            // Independent feedback: where the viewer sits on a panel without having submitted, colleagues' scorecard
            // entries say that feedback came in, not what it said.
            var locked = await PostingAccess.FeedbackLockedApplicationIds(db, user).Distinct().ToListAsync(ct);
            var rows = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(TimelinePageSize + 1)
                .Select(e => new TimelineItem(e.Id, e.At, e.Kind,
                    (e.Kind == ActivityKind.ScorecardSubmitted || e.Kind == ActivityKind.ScorecardAmended)
                        && e.ApplicationId != null && locked.Contains(e.ApplicationId.Value)
                        ? LockedScorecardSummary : e.Summary, db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault()))
                .ToListAsync(ct);
            var page = rows.Take(TimelinePageSize).ToList();
            return (page, rows.Count > TimelinePageSize ? GetBoard.FormatCursor(page[^1].At, page[^1].Id) : null);
        }

        private async Task<Model> InterviewerViewAsync(Domain.Candidates.Candidate candidate, Guid userId, CancellationToken ct)
        {
            if (!user.IsInRole(Domain.Users.Roles.Interviewer)) throw new NotFoundException("Candidate");
            var kits = await (
                from p in db.InterviewParticipants.AsNoTracking()
                where p.InterviewerId == userId
                join i in db.Interviews on p.InterviewId equals i.Id
                // A cancelled interview gives no access to the candidate (as for their files).
                where i.Status != Domain.Interviews.InterviewStatus.Cancelled
                join a in db.Applications on i.ApplicationId equals a.Id
                where a.CandidateId == candidate.Id
                join s in db.InterviewStages on i.StageId equals s.Id
                orderby i.StartsAt
                select new KitLink(i.Id, i.StartsAt, s.Name, i.Status)).ToListAsync(ct);
            if (kits.Count == 0 || candidate.ErasedAt is not null) throw new NotFoundException("Candidate");
            return new Model { Id = candidate.Id, FullName = candidate.FullName, Restricted = true, Kits = kits };
        }
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };
}
