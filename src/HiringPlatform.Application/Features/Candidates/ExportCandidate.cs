using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// GDPR access request: everything held about a candidate, as one JSON document, for an admin (there is no privacy
// role; ADR-0011). Recruiters and hiring managers may download exactly what the profile shows them. A command (and a
// POST) rather than a query: handing personal data out is itself recorded (timeline and audit log).
public static class ExportCandidate
{
    public const string FullScope = "Full data-subject export";
    public const string TeamScope = "What the hiring team sees";

    // Admins (who pass every role check) get the full export.
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Model>
    {
        public Guid CandidateId { get; init; }
    }

    public sealed record Model(DateTimeOffset ExportedAt, Profile Profile, IReadOnlyList<ApplicationData> Applications, IReadOnlyList<NoteData> Notes,
        IReadOnlyList<InterviewData> Interviews, IReadOnlyList<ScorecardData> Scorecards, IReadOnlyList<DecisionData> Decisions,
        IReadOnlyList<OfferData> Offers, IReadOnlyList<FileData> Files, IReadOnlyList<EmailData> Emails, IReadOnlyList<EventData> Timeline)
    {
        public string Scope { get; init; } = FullScope;
    }

    public sealed record Profile(Guid Id, string FullName, string Email, string? Phone, string? Location, string? TimeZoneId, string? LinkedInUrl,
        string? GitHubUrl, string? WebsiteUrl, string Source, string? SourceDetail, IReadOnlyList<string> Tags, string? ResumeText,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? LastApplicationClosedAt);

    public sealed record AnswerData(string Question, string Answer);

    public sealed record ApplicationData(Guid Id, string Posting, string Stage, string Status, string Source, string? SourceDetail, DateTimeOffset AppliedAt,
        DateTimeOffset? ClosedAt, string? RejectionReason, string? RejectionNote, string? CoverNote, DateTimeOffset? ConsentedAt,
        int? ConsentRetentionMonths, decimal? WeightedScore, IReadOnlyList<AnswerData> ScreeningAnswers);

    public sealed record NoteData(Guid Id, Guid? ApplicationId, string Author, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record InterviewData(Guid Id, Guid ApplicationId, string Stage, DateTimeOffset StartsAt, int DurationMinutes, string Status,
        string? LocationOrLink, IReadOnlyList<string> Interviewers);

    public sealed record RatingData(string Competency, int? Rating, string? Evidence);

    public sealed record ScorecardData(Guid Id, Guid InterviewId, Guid ApplicationId, string Interviewer, string Status, string? Recommendation,
        string? SupportedLevel, string? PrivateNote, DateTimeOffset? SubmittedAt, IReadOnlyList<RatingData> Ratings);

    public sealed record DecisionData(Guid ApplicationId, string Kind, string Rationale, string? RejectionReason, DateTimeOffset At);

    public sealed record OfferData(Guid ApplicationId, decimal Salary, string Currency, DateOnly StartDate, string? Notes, string Status);

    public sealed record FileData(Guid Id, string Kind, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt, string Extraction);

    public sealed record EmailData(Guid Id, string To, string Subject, string Body, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

    public sealed record EventData(DateTimeOffset At, string Kind, string Summary);

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock, CommandScope commandScope) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            var id = command.CandidateId;
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, id, ct);
            var c = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.MergedIntoId == null, ct) ?? throw new NotFoundException("Candidate");
            // An admin answers a data-subject request with everything held; anyone else downloads exactly what the
            // profile shows them (ADR-0011).
            var scope = await ProfileScope.ForAsync(db, user, ct);
            var profile = new Profile(c.Id, c.FullName, c.Email, c.Phone, c.Location, c.TimeZoneId, c.LinkedInUrl, c.GitHubUrl, c.WebsiteUrl,
                c.Source.ToString(), c.SourceDetail, c.Tags, c.ResumeText, c.CreatedAt, c.UpdatedAt, c.LastApplicationClosedAt);

            var applications = await scope.Applications(db, id).AsNoTracking().Include(a => a.Answers)
                .OrderBy(a => a.AppliedAt).ToListAsync(ct);
            var applicationIds = applications.Select(a => a.Id).ToList();
            var postingIds = applications.Select(a => a.PostingId).Distinct().ToList();
            var postings = await db.JobPostings.AsNoTracking().Where(p => postingIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
            var stages = await db.InterviewStages.AsNoTracking().Where(s => postingIds.Contains(s.PostingId)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            string UserName(Guid uid) => users.GetValueOrDefault(uid, "(unknown)");

            var interviews = await db.Interviews.AsNoTracking().Include(i => i.Participants).Where(i => applicationIds.Contains(i.ApplicationId))
                .OrderBy(i => i.StartsAt).ToListAsync(ct);
            var scorecards = await db.Scorecards.AsNoTracking().Include(s => s.Ratings).Where(s => applicationIds.Contains(s.ApplicationId)).ToListAsync(ct);
            var privateNotesOf = new HashSet<Guid>();
            if (!scope.IsFull)
            {
                // The team sees submitted scorecards only; the private note is for the posting's hiring manager.
                scorecards = scorecards.Where(s => s.Status == ScorecardStatus.Submitted).ToList();
                foreach (var postingId in postingIds)
                    if (await PostingAccess.CanSeePrivateNotesAsync(db, user, postingId, ct)) privateNotesOf.Add(postingId);
            }
            var postingOf = applications.ToDictionary(a => a.Id, a => a.PostingId);
            bool ShowsPrivateNote(Scorecard s) => scope.IsFull || s.InterviewerId == scope.UserId || privateNotesOf.Contains(postingOf[s.ApplicationId]);
            var decisions = await db.Decisions.AsNoTracking().Where(d => applicationIds.Contains(d.ApplicationId)).OrderBy(d => d.At).ToListAsync(ct);
            var offers = await db.Offers.AsNoTracking().Where(o => applicationIds.Contains(o.ApplicationId)).ToListAsync(ct);
            var notes = await scope.Notes(db, id).AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync(ct);
            var files = await db.Files.AsNoTracking().Where(f => f.CandidateId == id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
            // Emails sent to the candidate are not on the profile: only the full export has them.
            var emails = scope.IsFull
                ? await db.OutboxEmails.AsNoTracking().Where(e => e.CandidateId == id).OrderBy(e => e.CreatedAt).ToListAsync(ct)
                : [];
            var events = await scope.Events(db, id).AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);

            var now = clock.GetUtcNow();
            var model = new Model(now, profile,
                applications.Select(a => new ApplicationData(a.Id, postings[a.PostingId], stages.GetValueOrDefault(a.StageId, ""), a.Status.ToString(),
                    a.Source.ToString(), a.SourceDetail, a.AppliedAt, a.ClosedAt, a.RejectionReason?.ToString(), a.RejectionNote, a.CoverNote, a.ConsentedAt,
                    a.ConsentRetentionMonths, a.WeightedScore, a.Answers.Select(x => new AnswerData(x.QuestionText, x.Answer)).ToList())).ToList(),
                notes.Select(n => new NoteData(n.Id, n.ApplicationId, UserName(n.AuthorId), n.Body, n.CreatedAt, n.UpdatedAt)).ToList(),
                interviews.Select(i => new InterviewData(i.Id, i.ApplicationId, stages.GetValueOrDefault(i.StageId, ""), i.StartsAt, i.DurationMinutes,
                    i.Status.ToString(), i.LocationOrLink, i.Participants.Select(p => UserName(p.InterviewerId)).ToList())).ToList(),
                scorecards.Select(s => new ScorecardData(s.Id, s.InterviewId, s.ApplicationId, UserName(s.InterviewerId), s.Status.ToString(),
                    s.Recommendation?.ToString(), s.SupportedLevel?.ToString(), ShowsPrivateNote(s) ? s.PrivateNote : null, s.SubmittedAt,
                    s.Ratings.Select(r => new RatingData(r.CompetencyName, r.Rating, r.Evidence)).ToList())).ToList(),
                decisions.Select(d => new DecisionData(d.ApplicationId, d.Kind.ToString(), d.Rationale, d.RejectionReason?.ToString(), d.At)).ToList(),
                offers.Select(o => new OfferData(o.ApplicationId, o.Salary, o.Currency, o.StartDate, o.Notes, o.Status.ToString())).ToList(),
                files.Select(f => new FileData(f.Id, f.Kind.ToString(), f.FileName, f.ContentType, f.SizeBytes, f.UploadedAt, f.Extraction.ToString())).ToList(),
                emails.Select(e => new EmailData(e.Id, e.To, e.Subject, e.HasSecretLink && e.Status != EmailStatus.Sent ? OutboxEmail.HiddenBody : e.TextBody,
                    e.Status.ToString(), e.CreatedAt, e.SentAt)).ToList(),
                events.Select(e => new EventData(e.At, e.Kind.ToString(), e.Summary)).ToList())
            {
                Scope = scope.IsFull ? FullScope : TeamScope,
            };

            if (c.ErasedAt is null)
            {
                db.ActivityEvents.Add(new ActivityEvent(id, null, now, user.Id, ActivityKind.Exported,
                    scope.IsFull ? $"Personal data exported by {UserName(user.RequireId())}" : $"Team view exported by {UserName(user.RequireId())}"));
            }
            // Handing data out is recorded in the audit log whatever the candidate's state (names the scope, no values).
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, UserId = user.Id, UserName = user.Name, Command = commandScope.CommandName ?? "ExportCandidate.Command",
                EntityType = nameof(Candidate), EntityId = id.ToString(), Action = "Exported", Fields = [model.Scope], CorrelationId = user.CorrelationId,
            });
            await db.SaveChangesAsync(ct);
            return model;
        }
    }
}
