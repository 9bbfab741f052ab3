using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Infrastructure.Files;

// Files are kept in PostgreSQL (bytea): one backup covers them, every app instance sees them, and nothing
// uploaded can ever be served as a static file. Saves join the caller's unit of work (same DbContext).
public sealed class DatabaseFileStorage(AppDbContext db) : IFileStorage
{
    public Task SaveAsync(string key, byte[] data, CancellationToken ct)
    {
        db.FileContents.Add(new FileContent(key, data));
        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct) =>
        await db.FileContents.AsNoTracking().Where(f => f.Key == key).Select(f => f.Data).SingleOrDefaultAsync(ct);

    public async Task DeleteAsync(string key, CancellationToken ct) =>
        await db.FileContents.Where(f => f.Key == key).ExecuteDeleteAsync(ct);
}
