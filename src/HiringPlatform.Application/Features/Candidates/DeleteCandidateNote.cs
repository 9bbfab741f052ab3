using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;

namespace HiringPlatform.Application.Features.Candidates;

// Only the author deletes their note.
public static class DeleteCandidateNote
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Guid>
    {
        public Guid NoteId { get; init; }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var note = await NoteRules.LoadOwnAsync(db, user, command.NoteId, ct);
            db.CandidateNotes.Remove(note);
            await db.SaveChangesAsync(ct);
            return note.CandidateId;
        }
    }
}
