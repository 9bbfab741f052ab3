using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.Candidates;

// What happens to an application, for the handlers that carry it to the candidate's record, the timeline,
// the interviews and the offers (ADR-0022).
public sealed record ApplicationMoved(JobApplication Application, Guid FromStageId, Guid ToStageId, DateTimeOffset At) : IDomainEvent;

// Rejected, withdrawn or hired: the application leaves the pipeline. Handlers of this base type run for all three.
public abstract record ApplicationClosed(JobApplication Application, DateTimeOffset At) : IDomainEvent;

public sealed record ApplicationRejected(JobApplication Application, DateTimeOffset At) : ApplicationClosed(Application, At);

public enum WithdrawnBy { HiringTeam, Candidate, Erasure }

public sealed record ApplicationWithdrawn(JobApplication Application, WithdrawnBy By, DateTimeOffset At) : ApplicationClosed(Application, At);

public sealed record CandidateHired(JobApplication Application, DateTimeOffset At) : ApplicationClosed(Application, At);

// Merge: another application of the same person to the same posting was combined into this one, and its interviews,
// scorecards, decisions and offers belong to this one now. Each area makes them fit: the score counts them all, and
// if this application is closed, nothing that came with the other may stay ahead of it (interviews, open offers).
public sealed record ApplicationCombined(JobApplication Application, Guid CombinedApplicationId, DateTimeOffset At) : IDomainEvent;
