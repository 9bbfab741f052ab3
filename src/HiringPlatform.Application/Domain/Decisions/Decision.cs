using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.Decisions;

public enum DecisionKind { Advance, Reject, Offer }

// A debrief decision, with the hiring manager's written rationale.
public sealed class Decision : Entity
{
    public const int MaxRationaleLength = 8000;
    public const int MaxOverrideReasonLength = 2000;

    public const string CoverageRefusal =
        "The panel's feedback does not cover every must-have competency with ratings from at least two interviewers yet " +
        "(see the score page). Wait for it, or, as the hiring manager, write down why you make the offer anyway.";

    // Moving a card into the Offer stage or drafting an offer passes the same gate (ApplicationScoring.OfferAllowedAsync).
    public const string OfferStageRefusal =
        "The panel's feedback does not cover every must-have competency with ratings from at least two interviewers yet " +
        "(see the score page). Wait for it, or let the hiring manager record an offer decision with the reason to go ahead.";

    private Decision() { }

    public Decision(Guid applicationId, Guid decidedBy, DecisionKind kind, string rationale, RejectionReason? rejectionReason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(rationale)) throw new DomainException("Write down the rationale for the decision.");
        ApplicationId = applicationId;
        DecidedBy = decidedBy;
        Kind = kind;
        Rationale = rationale.Trim();
        RejectionReason = rejectionReason;
        At = at;
    }

    // An offer made without the debrief gate's coverage, with the hiring manager's written reason; what the gate guards
    // (ScoreResult.ReadyForDebrief) is checked here so no use case can make an offer around it.
    public static Decision ForOffer(Guid applicationId, Guid decidedBy, string rationale, ScoreResult score, string? overrideReason, DateTimeOffset at)
    {
        var decision = new Decision(applicationId, decidedBy, DecisionKind.Offer, rationale, null, at);
        if (score.ReadyForDebrief) return decision;
        if (string.IsNullOrWhiteSpace(overrideReason)) throw new DomainException(CoverageRefusal);
        if (overrideReason.Trim().Length > MaxOverrideReasonLength)
            throw new DomainException($"The reason for going ahead holds at most {MaxOverrideReasonLength:N0} characters.");
        decision.CoverageOverrideReason = overrideReason.Trim();
        return decision;
    }

    public Guid ApplicationId { get; set; }
    public Guid DecidedBy { get; private set; }
    public DecisionKind Kind { get; private set; }
    public string Rationale { get; private set; } = "";
    public RejectionReason? RejectionReason { get; private set; }
    public string? CoverageOverrideReason { get; private set; }
    public DateTimeOffset At { get; private set; }
}

public enum OfferStatus { Draft, Approved, Sent, Accepted, Declined, Withdrawn }

public sealed class Offer : AuditableEntity, IConcurrencyChecked
{
    private Offer() { }

    public Offer(Guid applicationId, decimal salary, string currency, DateOnly startDate, string? notes, Guid createdBy)
    {
        ApplicationId = applicationId;
        Salary = salary;
        Currency = currency;
        StartDate = startDate;
        Notes = notes;
        CreatedBy = createdBy;
    }

    public Guid ApplicationId { get; set; }
    public decimal Salary { get; private set; }
    public string Currency { get; private set; } = "USD";
    public DateOnly StartDate { get; private set; }
    public string? Notes { get; private set; }
    public Guid CreatedBy { get; private set; }
    public OfferStatus Status { get; private set; } = OfferStatus.Draft;

    // An offer outside the posting's salary band needs an admin's approval with a reason.
    public bool OutsideBand { get; private set; }
    public Guid? ExceptionApprovedBy { get; private set; }
    public string? ExceptionReason { get; private set; }
    public Guid? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public uint Version { get; private set; }

    public void Update(decimal salary, string currency, DateOnly startDate, string? notes)
    {
        if (Status != OfferStatus.Draft) throw new DomainException("Only a draft offer can be changed.");
        Salary = salary;
        Currency = currency;
        StartDate = startDate;
        Notes = notes;
        ExceptionApprovedBy = null;
        ExceptionReason = null;
    }

    public void CheckBand(JobPostings.SalaryBand band) => OutsideBand = IsOutside(band);

    public bool IsOutside(JobPostings.SalaryBand band) =>
        !band.Contains(Salary) || !string.Equals(band.Currency, Currency, StringComparison.OrdinalIgnoreCase);

    public void ApproveException(Guid adminId, string reason)
    {
        if (!OutsideBand) throw new DomainException("This offer is inside the salary band; no exception is needed.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give the reason for the exception.");
        ExceptionApprovedBy = adminId;
        ExceptionReason = reason.Trim();
    }

    public bool IsOpen => Status is OfferStatus.Draft or OfferStatus.Approved or OfferStatus.Sent;

    // The band is the posting's band now: it may have been edited since the offer was drafted.
    public void Approve(JobApplication application, JobPostings.SalaryBand band, Guid hiringManagerId, DateTimeOffset at)
    {
        EnsureApplicationActive(application, "approved");
        if (Status != OfferStatus.Draft) throw new DomainException("Only a draft offer can be approved.");
        CheckBand(band);
        if (OutsideBand && ExceptionApprovedBy is null)
            throw new DomainException("The salary is outside the posting's band: an admin must approve the exception first.");
        Status = OfferStatus.Approved;
        ApprovedBy = hiringManagerId;
        ApprovedAt = at;
    }

    public void MarkSent(JobApplication application, DateTimeOffset at)
    {
        EnsureApplicationActive(application, "sent");
        if (Status != OfferStatus.Approved) throw new DomainException("Only an approved offer can be sent.");
        Status = OfferStatus.Sent;
        SentAt = at;
    }

    public void Accept(DateTimeOffset at)
    {
        if (Status != OfferStatus.Sent) throw new DomainException("Only a sent offer can be accepted.");
        Status = OfferStatus.Accepted;
        RespondedAt = at;
    }

    // The application closed (rejected, withdrawn, or hired through another offer): an open offer goes with it.
    public void Withdraw(DateTimeOffset at)
    {
        if (!IsOpen) throw new DomainException($"This offer is {Status.ToString().ToLowerInvariant()}, so it cannot be withdrawn.");
        Status = OfferStatus.Withdrawn;
        RespondedAt = at;
    }

    private void EnsureApplicationActive(JobApplication application, string verb)
    {
        if (application.Id != ApplicationId) throw new InvalidOperationException("The offer belongs to another application.");
        if (!application.IsActive)
            throw new DomainException($"The application is {application.Status.ToString().ToLowerInvariant()}, so this offer cannot be {verb}.");
    }

    public void Decline(DateTimeOffset at)
    {
        if (Status != OfferStatus.Sent) throw new DomainException("Only a sent offer can be declined.");
        Status = OfferStatus.Declined;
        RespondedAt = at;
    }
}
