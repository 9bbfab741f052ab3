using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// Shared by the pipeline use cases (move, reject, withdraw, reopen, bulk): loading an application the user may
// act on, optimistic concurrency against the version the user saw, and the words the timeline uses.
public static class Pipeline
{
    public sealed record StageRef(Guid Id, string Name, int Order, StageKind Kind);

    public sealed record Context(JobApplication Application, string CandidateName, string PostingTitle, IReadOnlyList<StageRef> Stages)
    {
        public StageRef Stage(Guid id) => Stages.Single(s => s.Id == id);
    }

    public static async Task<Context> LoadAsync(AppDbContext db, ICurrentUser user, Guid applicationId, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct)
            ?? throw new NotFoundException("Application");
        await PostingAccess.EnsureCanSeePostingAsync(db, user, application.PostingId, ct);
        var candidateName = await db.Candidates.Where(c => c.Id == application.CandidateId).Select(c => c.FullName).SingleAsync(ct);
        return new Context(application, candidateName, await PostingTitleAsync(db, application.PostingId, ct), await StagesAsync(db, application.PostingId, ct));
    }

    public static Task<string> PostingTitleAsync(AppDbContext db, Guid postingId, CancellationToken ct) =>
        db.JobPostings.Where(p => p.Id == postingId).Select(p => p.Title).SingleAsync(ct);

    public static async Task<IReadOnlyList<StageRef>> StagesAsync(AppDbContext db, Guid postingId, CancellationToken ct) =>
        await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == postingId).OrderBy(s => s.Order)
            .Select(s => new StageRef(s.Id, s.Name, s.Order, s.Kind)).ToListAsync(ct);

    // The user acted on what they saw: if the application changed since (another move, a rejection, a new score),
    // refuse and say where it is now, rather than overwrite someone else's decision.
    public static void EnsureVersion(Context context, uint seenVersion, AppDbContext db)
    {
        if (context.Application.Version != seenVersion) throw Conflict(context);
        // The UPDATE also checks xmin = seen version, which catches a change made between this read and the save.
        db.Entry(context.Application).Property(a => a.Version).OriginalValue = seenVersion;
    }

    public static ConcurrencyConflictException Conflict(Context context) => Conflict(context.Application, context.Stage(context.Application.StageId).Name);

    public static ConcurrencyConflictException Conflict(JobApplication application, string stageName) =>
        new($"This application changed while you were looking at it — it is now in {stageName}" +
            (application.Status == ApplicationStatus.Active ? "." : $" ({StatusText(application.Status)}).") +
            " The board shows its current state; make your change again if it still applies.");

    // Saves, turning a lost race on xmin into the same message with the stage the application is in now.
    public static async Task SaveAsync(AppDbContext db, Guid applicationId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var now = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
                .Select(a => new { a.Status, Stage = db.InterviewStages.Where(s => s.Id == a.StageId).Select(s => s.Name).First() })
                .SingleOrDefaultAsync(ct);
            if (now is null) throw new NotFoundException("Application");
            throw new ConcurrencyConflictException(
                $"This application changed while you were looking at it — it is now in {now.Stage}" +
                (now.Status == ApplicationStatus.Active ? "." : $" ({StatusText(now.Status)}).") +
                " The board shows its current state; make your change again if it still applies.");
        }
    }

    public static string StatusText(ApplicationStatus status) => status.ToString().ToLowerInvariant();

    public static string ReasonText(RejectionReason reason) => reason switch
    {
        RejectionReason.SkillsGap => "Skills gap",
        RejectionReason.ExperienceLevel => "Experience level",
        RejectionReason.Compensation => "Compensation",
        RejectionReason.LocationOrTimeZone => "Location or time zone",
        RejectionReason.PositionFilled => "Position filled",
        RejectionReason.CandidateWithdrew => "Candidate withdrew",
        _ => "Other",
    };

    public static string SourceText(CandidateSource source) => source switch
    {
        CandidateSource.CareersSite => "Careers site",
        CandidateSource.Referral => "Referral",
        CandidateSource.Agency => "Agency",
        _ => "Sourced",
    };

    // Selections on the board carry the version each card showed: "applicationId:version".
    public static bool TryParseSelection(string value, out Guid applicationId, out uint version)
    {
        applicationId = default;
        version = default;
        var parts = value.Split(':');
        return parts.Length == 2 && Guid.TryParse(parts[0], out applicationId) && uint.TryParse(parts[1], out version);
    }

    public const int MaxBulk = 200;
}
