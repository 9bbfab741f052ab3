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

// Notes are visible to everyone who can see the candidate (the hiring teams of their postings).
public static class AddCandidateNote
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Guid>, IIdempotentCommand
    {
        public Guid CandidateId { get; init; }
        // Made when the form is rendered: sending the same form twice adds one note (IdempotencyBehaviour).
        public Guid? IdempotencyKey { get; init; }
        public Guid? ApplicationId { get; init; }
        public string? Body { get; init; }
    }

    // The candidate must be one the user sees before any rule looks at their applications (ADR-0009).
    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct) =>
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.CandidateId, ct);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user)
        {
            RuleFor(c => c.Body).NotEmpty().WithMessage("Write the note first.").MaximumLength(NoteRules.MaxLength);
            RuleFor(c => c.ApplicationId)
                .MustAsync(async (c, id, ct) => await db.Applications.AnyAsync(a => a.Id == id && a.CandidateId == c.CandidateId, ct)
                                                && await PostingAccess.CanSeeApplicationAsync(db, user, id!.Value, ct))
                .When(c => c.ApplicationId is not null).WithMessage("Choose one of this candidate's applications.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.CandidateId, ct);
            if (!await db.Candidates.AnyAsync(c => c.Id == command.CandidateId && c.ErasedAt == null && c.MergedIntoId == null, ct))
                throw new Common.Exceptions.NotFoundException("Candidate");
            var note = new CandidateNote(command.CandidateId, command.ApplicationId, user.RequireId(), command.Body!.Trim());
            db.CandidateNotes.Add(note);
            var by = await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync(ct);
            db.ActivityEvents.Add(new ActivityEvent(command.CandidateId, command.ApplicationId, clock.GetUtcNow(), user.Id, ActivityKind.NoteAdded,
                $"Note added by {by}"));
            await db.SaveChangesAsync(ct);
            return note.Id;
        }
    }
}
