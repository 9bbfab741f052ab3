using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates.Shared;

internal static class NoteRules
{
    public const int MaxLength = 8000;

    // A note of a candidate the user cannot see "does not exist" for them (404, as for the candidate); a visible
    // note of someone else is refused (403).
    public static async Task<CandidateNote> LoadOwnAsync(AppDbContext db, ICurrentUser user, Guid noteId, CancellationToken ct)
    {
        var note = await db.CandidateNotes.SingleOrDefaultAsync(n => n.Id == noteId, ct)
            ?? throw new Common.Exceptions.NotFoundException("Note");
        if (!await Common.Security.PostingAccess.CanSeeCandidateAsync(db, user, note.CandidateId, ct))
            throw new Common.Exceptions.NotFoundException("Note");
        if (note.AuthorId != user.RequireId()) throw new Common.Exceptions.ForbiddenAccessException("Only the author can change or delete a note.");
        return note;
    }
}
