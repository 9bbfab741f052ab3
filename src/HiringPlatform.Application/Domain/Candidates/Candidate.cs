using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.Candidates;

public enum CandidateSource { CareersSite, Referral, Agency, Sourced }

public sealed class Candidate : AuditableEntity, IConcurrencyChecked
{
    private Candidate() { }

    public Candidate(string fullName, string email)
    {
        FullName = fullName.Trim();
        SetEmail(email);
    }

    public string FullName { get; set; } = "";

    // Stored lower-cased. Unique among profiles staff created or confirmed; a careers application that arrives with
    // an email another profile already holds gets a profile of its own (ApplyToPosting), marked here, because an
    // anonymous form must not attach anything to someone else's record. A recruiter merges or dismisses the pair.
    public string Email { get; private set; } = "";
    public bool SharesEmailWithOtherProfile { get; private set; }
    public string? Phone { get; set; }
    public string? Location { get; set; }
    public string? TimeZoneId { get; set; }
    public string? LinkedInUrl { get; set; }
    public string? GitHubUrl { get; set; }
    public string? WebsiteUrl { get; set; }
    public CandidateSource Source { get; set; } = CandidateSource.CareersSite;

    // Who referred them, which agency, or which recruiter sourced them.
    public string? SourceDetail { get; set; }
    public List<string> Tags { get; set; } = [];

    // Plain text from the latest résumé, extracted in the background; feeds search.
    public string? ResumeText { get; set; }
    public Guid? ResumeFileId { get; set; }

    // Last time an application of theirs closed; drives the retention list.
    public DateTimeOffset? LastApplicationClosedAt { get; private set; }

    // GDPR erasure keeps the row (for anonymous counts) but not the person.
    public DateTimeOffset? ErasedAt { get; private set; }

    // A merged-away candidate points at the one that absorbed it.
    public Guid? MergedIntoId { get; private set; }
    public uint Version { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public void SetEmail(string email) => Email = NormalizeEmail(email);

    // A careers applicant who typed an email another profile holds: a separate profile until a recruiter decides.
    public static Candidate ApplicantSharingEmail(string fullName, string email) =>
        new(fullName, email) { SharesEmailWithOtherProfile = true };

    public void MarkMergedInto(Guid survivorId)
    {
        if (survivorId == Id) throw new DomainException("A candidate cannot be merged into themselves.");
        MergedIntoId = survivorId;
        // The email must stay unique, and belongs to the survivor now. The rest of the person's details were copied
        // to the survivor where it lacked them, so the merged-away row keeps none: erasing the survivor then
        // erases everything (ADR-0012).
        Email = $"merged+{Id:N}@invalid";
        SharesEmailWithOtherProfile = false;
        WipePersonalData();
    }

    // The survivor of a merge with the profile whose email it shared holds that email alone now.
    // Saved after the merged-away row gave the email up: the unique index is checked row by row.
    public void ConfirmEmailAfterMerge(string mergedAwayEmail)
    {
        if (SharesEmailWithOtherProfile && mergedAwayEmail == Email) SharesEmailWithOtherProfile = false;
    }

    private void WipePersonalData()
    {
        FullName = "Merged candidate";
        Phone = null;
        Location = null;
        TimeZoneId = null;
        LinkedInUrl = null;
        GitHubUrl = null;
        WebsiteUrl = null;
        SourceDetail = null;
        Tags = [];
        ResumeText = null;
        ResumeFileId = null;
    }

    // Retention counts from the latest close; a reopened and re-closed application never moves it backwards.
    public void RecordApplicationClosed(DateTimeOffset at)
    {
        if (LastApplicationClosedAt is null || at > LastApplicationClosedAt) LastApplicationClosedAt = at;
    }

    public const int MaxTagLength = 40;
    public const int MaxTags = 30;

    // Tags are compared as typed by people: trimmed, lower-case, single spaces.
    public static string NormalizeTag(string tag) =>
        string.Join(' ', tag.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public void AddTag(string tag)
    {
        var normalized = NormalizeTag(tag);
        if (normalized.Length == 0) throw new DomainException("A tag cannot be empty.");
        if (normalized.Length > MaxTagLength) throw new DomainException($"A tag has at most {MaxTagLength} characters.");
        if (Tags.Contains(normalized)) return;
        if (Tags.Count >= MaxTags) throw new DomainException($"A candidate has at most {MaxTags} tags.");
        Tags = [.. Tags, normalized];
    }

    public void RemoveTag(string tag)
    {
        var normalized = NormalizeTag(tag);
        Tags = Tags.Where(t => t != normalized).ToList();
    }

    // Merge: the survivor keeps its own details and takes the duplicate's where it has none.
    public void AbsorbDetailsOf(Candidate duplicate)
    {
        if (duplicate.Id == Id) throw new DomainException("A candidate cannot be merged into themselves.");
        Phone ??= duplicate.Phone;
        Location ??= duplicate.Location;
        TimeZoneId ??= duplicate.TimeZoneId;
        LinkedInUrl ??= duplicate.LinkedInUrl;
        GitHubUrl ??= duplicate.GitHubUrl;
        WebsiteUrl ??= duplicate.WebsiteUrl;
        SourceDetail ??= duplicate.SourceDetail;
        if (ResumeFileId is null && duplicate.ResumeFileId is not null)
        {
            ResumeFileId = duplicate.ResumeFileId;
            ResumeText = duplicate.ResumeText;
        }
        Tags = Tags.Union(duplicate.Tags).Take(MaxTags).ToList();
        if (duplicate.LastApplicationClosedAt is { } closed) RecordApplicationClosed(closed);
    }

    public void Erase(DateTimeOffset at)
    {
        WipePersonalData();
        FullName = "Erased candidate";
        Email = $"erased+{Id:N}@invalid";
        SharesEmailWithOtherProfile = false;
        ErasedAt = at;
    }
}

public sealed class CandidateNote : AuditableEntity
{
    private CandidateNote() { }

    public CandidateNote(Guid candidateId, Guid? applicationId, Guid authorId, string body)
    {
        CandidateId = candidateId;
        ApplicationId = applicationId;
        AuthorId = authorId;
        Body = body;
    }

    public Guid CandidateId { get; set; }
    public Guid? ApplicationId { get; set; }
    public Guid AuthorId { get; private set; }
    public string Body { get; set; } = "";
}

public enum ActivityKind
{
    Applied, Added, Moved, Rejected, Withdrawn, Reopened, Hired, NoteAdded, EmailQueued, InterviewScheduled,
    InterviewRescheduled, InterviewCancelled, ScorecardSubmitted, ScorecardAmended, DecisionRecorded,
    OfferDrafted, OfferApproved, OfferSent, OfferAccepted, OfferDeclined, OfferWithdrawn, Merged, ResumeUploaded, Exported, Erased,
}

// The candidate's timeline. Summaries hold no personal values beyond what the profile already shows.
public sealed class ActivityEvent : Entity
{
    private ActivityEvent() { }

    public ActivityEvent(Guid candidateId, Guid? applicationId, DateTimeOffset at, Guid? actorId, ActivityKind kind, string summary)
    {
        CandidateId = candidateId;
        ApplicationId = applicationId;
        At = at;
        ActorId = actorId;
        Kind = kind;
        Summary = summary;
    }

    public Guid CandidateId { get; set; }
    public Guid? ApplicationId { get; set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }
    public ActivityKind Kind { get; private set; }
    public string Summary { get; set; } = "";
}

// Same name with the same phone or the same LinkedIn URL: flagged on both profiles until merged or dismissed.
public sealed class PossibleDuplicate : Entity
{
    private PossibleDuplicate() { }

    public PossibleDuplicate(Guid candidateId, Guid otherCandidateId, string reason, DateTimeOffset at)
    {
        // Stored once per pair, smaller id first.
        (CandidateId, OtherCandidateId) = candidateId.CompareTo(otherCandidateId) < 0
            ? (candidateId, otherCandidateId) : (otherCandidateId, candidateId);
        Reason = reason;
        DetectedAt = at;
    }

    public Guid CandidateId { get; private set; }
    public Guid OtherCandidateId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset DetectedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

public enum FileKind { Resume, Other }

public enum ExtractionStatus { Pending, Done, Failed, NotApplicable }

// Why no text came out of a file (ADR-0014). Crashed, TimedOut and Interrupted are retried once; the others are final.
public enum ExtractionFailure { NoText, Damaged, TooLarge, Unsupported, Crashed, TimedOut, Interrupted }

// Metadata of an uploaded file; the bytes live behind IFileStorage, never under wwwroot.
public sealed class StoredFile : Entity
{
    private StoredFile() { }

    public StoredFile(Guid candidateId, FileKind kind, string fileName, string contentType, long sizeBytes, string storageKey, DateTimeOffset at)
    {
        CandidateId = candidateId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        UploadedAt = at;
        Extraction = ExtractionStatus.Pending;
    }

    public Guid CandidateId { get; set; }
    public FileKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    public ExtractionStatus Extraction { get; set; }
    public string? ExtractedText { get; set; }

    // Counted in its own committed statement before each attempt, so a crash cannot roll the count back (ADR-0014).
    public int ExtractionAttempts { get; set; }
    // When the current attempt started; a Pending file with an old start was abandoned by a process that died.
    public DateTimeOffset? ExtractionStartedAt { get; set; }
    public ExtractionFailure? ExtractionFailure { get; set; }
}
