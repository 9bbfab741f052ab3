using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

public static class EditCandidate
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Query : IQuery<Command>
    {
        public Guid CandidateId { get; init; }
    }

    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Unit>, CandidateRules.IContactInput
    {
        public Guid CandidateId { get; init; }
        public uint Version { get; init; }
        public string? FullName { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? Location { get; init; }
        public string? TimeZoneId { get; init; }
        public string? LinkedInUrl { get; init; }
        public string? GitHubUrl { get; init; }
        public string? WebsiteUrl { get; init; }
        public CandidateSource Source { get; init; }
        public string? SourceDetail { get; init; }
    }

    // The candidate must be one the user sees before the email rule can say anything about other candidates (ADR-0009).
    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct) =>
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.CandidateId, ct);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            CandidateRules.AddRules(this);
            RuleFor(c => c.Email)
                .MustAsync(async (command, email, ct) =>
                {
                    var normalized = Candidate.NormalizeEmail(email!);
                    // A careers applicant's profile may share its email with another until merged (ADR-0011):
                    // keeping one's own email is always fine.
                    return await db.Candidates.AnyAsync(c => c.Id == command.CandidateId && c.Email == normalized, ct)
                        || !await db.Candidates.AnyAsync(c => c.Email == normalized && c.Id != command.CandidateId, ct);
                })
                .When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage("Another candidate has this email. If they are the same person, merge the two profiles.");
        }
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, query.CandidateId, ct);
            return await db.Candidates.AsNoTracking().Where(c => c.Id == query.CandidateId && c.ErasedAt == null && c.MergedIntoId == null)
                .Select(c => new Command
                {
                    CandidateId = c.Id, Version = c.Version, FullName = c.FullName, Email = c.Email, Phone = c.Phone, Location = c.Location,
                    TimeZoneId = c.TimeZoneId, LinkedInUrl = c.LinkedInUrl, GitHubUrl = c.GitHubUrl, WebsiteUrl = c.WebsiteUrl,
                    Source = c.Source, SourceDetail = c.SourceDetail,
                })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Candidate");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.CandidateId, ct);
            var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == command.CandidateId && c.ErasedAt == null && c.MergedIntoId == null, ct)
                ?? throw new NotFoundException("Candidate");
            if (candidate.Version != command.Version)
                throw new ConcurrencyConflictException("Someone else edited this candidate while you were working. Reload the page to see their changes, then make yours again.");
            db.Entry(candidate).Property(c => c.Version).OriginalValue = command.Version;
            CandidateRules.Apply(candidate, command);
            await Duplicates.DetectAsync(db, candidate, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
