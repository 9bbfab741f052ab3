using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

internal static class NoteRules
{
    public const int MaxLength = 8000;

    public static async Task<CandidateNote> LoadOwnAsync(AppDbContext db, Guid noteId, Guid userId, CancellationToken ct)
    {
        var note = await db.CandidateNotes.SingleOrDefaultAsync(n => n.Id == noteId, ct)
            ?? throw new Common.Exceptions.NotFoundException("Note");
        if (note.AuthorId != userId) throw new Common.Exceptions.ForbiddenAccessException("Only the author can change or delete a note.");
        return note;
    }
}
