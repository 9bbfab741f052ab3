using HiringPlatform.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

public static class CandidateNames
{
    public static Task<string> OfAsync(AppDbContext db, Guid candidateId, CancellationToken ct) =>
        db.Candidates.Where(c => c.Id == candidateId).Select(c => c.FullName).SingleAsync(ct);
}
