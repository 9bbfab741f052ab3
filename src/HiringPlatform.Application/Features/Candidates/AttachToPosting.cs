using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// Puts an existing candidate into another posting's pipeline, in its first stage.
public static class AttachToPosting
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Guid>
    {
        public Guid CandidateId { get; init; }
        public Guid? PostingId { get; init; }
    }

    // Access before validation: a refused user learns nothing about the candidate's postings (ADR-0009).
    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct) =>
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.CandidateId, ct);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user)
        {
            // Stop at the first failure: a missing posting must not reach the rules that read it (a .When() here would
            // also have switched off NotEmpty, and the handler would then meet a null posting).
            RuleFor(c => c.PostingId).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose a posting.")
                .MustAsync(async (id, ct) => await PostingAccess.CanSeePostingAsync(db, user, id!.Value, ct) &&
                                             await db.JobPostings.AnyAsync(p => p.Id == id && p.Status != PostingStatus.Closed, ct))
                .WithMessage("Choose one of your postings that is not closed.")
                .MustAsync(async (c, id, ct) => !await db.Applications.AnyAsync(a => a.CandidateId == c.CandidateId && a.PostingId == id, ct))
                .WithMessage("They are already in this posting's pipeline.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.CandidateId, ct);
            var candidate = await db.Candidates.AsNoTracking()
                .SingleOrDefaultAsync(c => c.Id == command.CandidateId && c.ErasedAt == null && c.MergedIntoId == null, ct)
                ?? throw new NotFoundException("Candidate");
            var postingId = command.PostingId!.Value;
            var now = clock.GetUtcNow();
            var firstStage = await db.InterviewStages.Where(s => s.PostingId == postingId).OrderBy(s => s.Order).Select(s => s.Id).FirstAsync(ct);
            var by = await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            var application = new JobApplication(candidate.Id, postingId, firstStage, CandidateSource.Sourced, by, now);
            db.Applications.Add(application);
            db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, now, user.Id, ActivityKind.Applied,
                $"Added to {await Pipeline.PostingTitleAsync(db, postingId, ct)} by {by}"));
            await db.SaveChangesAsync(ct);
            return application.Id;
        }
    }
}
