using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;

namespace HiringPlatform.Application.Features.Candidates;

// Only the author edits their note.
public static class EditCandidateNote
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Guid>
    {
        public Guid NoteId { get; init; }
        public string? Body { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).NotEmpty().WithMessage("A note cannot be empty; delete it instead.").MaximumLength(NoteRules.MaxLength);
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var note = await NoteRules.LoadOwnAsync(db, user, command.NoteId, ct);
            note.Body = command.Body!.Trim();
            await db.SaveChangesAsync(ct);
            return note.CandidateId;
        }
    }
}
