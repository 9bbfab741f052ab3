using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account;
using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Application.Features.Careers.Shared;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Testing;
using HiringPlatform.Web.Features.Careers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HiringPlatform.WebTests.Access;

// The ids a route's parameters are filled with, for one posting and everything hanging off it.
public sealed record MatrixResource(string Name, Guid PostingId, Guid StageId, Guid CandidateId, Guid ApplicationId, Guid InterviewId,
    Guid ScorerId, Guid NoteId, Guid OfferId, Guid FileId, Guid DuplicateId, Guid PairId, string StatusToken);

// Seeds the matrix's world: posting P (the actors' own) and posting Q (another team's), each with a candidate who
// applied through the careers site (so a résumé file and a status link), an interview in the past with a panel and
// one submitted scorecard, a recruiter's note, an offer decision with its draft offer, and a possible duplicate.
// Users keep fixed ids across database resets, so their clients and antiforgery tokens stay valid.
public sealed class AccessMatrixWorld
{
    private static readonly Dictionary<string, (Guid Id, string[] Roles)> People = new()
    {
        ["admin"] = (Guid.Parse("0199a000-0000-7000-8000-000000000001"), [Roles.Admin]),
        ["rec"] = (Guid.Parse("0199a000-0000-7000-8000-000000000002"), [Roles.Recruiter]),
        ["rec-q"] = (Guid.Parse("0199a000-0000-7000-8000-000000000003"), [Roles.Recruiter]),
        ["hm"] = (Guid.Parse("0199a000-0000-7000-8000-000000000004"), [Roles.HiringManager]),
        ["hm-q"] = (Guid.Parse("0199a000-0000-7000-8000-000000000005"), [Roles.HiringManager]),
        ["int"] = (Guid.Parse("0199a000-0000-7000-8000-000000000006"), [Roles.Interviewer]),
        ["int-q"] = (Guid.Parse("0199a000-0000-7000-8000-000000000007"), [Roles.Interviewer]),
        ["hm+i"] = (Guid.Parse("0199a000-0000-7000-8000-000000000008"), [Roles.HiringManager, Roles.Interviewer]),
        ["r+i"] = (Guid.Parse("0199a000-0000-7000-8000-000000000009"), [Roles.Recruiter, Roles.Interviewer]),
        ["spare"] = (Guid.Parse("0199a000-0000-7000-8000-00000000000a"), [Roles.Interviewer]),
    };

    public IReadOnlyDictionary<string, TestUser> Users { get; } = People.ToDictionary(p => p.Key,
        p => new TestUser(p.Value.Id, $"matrix.{p.Key.Replace('+', '-')}@test.hiringplatform.dev", $"Matrix {p.Key}", p.Value.Roles, ""));

    public MatrixResource P { get; private set; } = null!;
    public MatrixResource Q { get; private set; } = null!;
    public Guid CompetencyId { get; private set; }
    public Guid QuestionId { get; private set; }
    public Guid OutboxEmailId { get; private set; }
    public Guid SpareUserId => Users["spare"].Id;

    private readonly List<(string Table, byte[] Rows)> _snapshot = [];

    // Seeding through the domain takes seconds; the matrix needs a fresh world before many POST routes. So the
    // seeded tables are copied out once (binary COPY) and copied back in place of a reseed: same ids, ~0.1 s.
    public async Task SnapshotAsync(AppFixture app)
    {
        _snapshot.Clear();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in await TablesAsync(connection))
        {
            using var buffer = new MemoryStream();
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY \"{table}\" TO STDOUT (FORMAT BINARY)"))
                await copy.CopyToAsync(buffer);
            _snapshot.Add((table, buffer.ToArray()));
        }
    }

    // The app's background workers (outbox, résumés, reminders) may hold row locks the DELETEs need in another order:
    // PostgreSQL then ends one side with a deadlock. When that side is the restore, it rolled back whole: run it again.
    public async Task RestoreAsync(AppFixture app)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RestoreOnceAsync(app);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
            }
        }
    }

    private async Task RestoreOnceAsync(AppFixture app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // DELETE, not TRUNCATE: the tables are small, and TRUNCATE's new files per table cost more than the rows.
        await using (var command = new NpgsqlCommand("SET LOCAL session_replication_role = replica; " +
                         string.Concat(_snapshot.Select(s => $"DELETE FROM \"{s.Table}\"; ")), connection, transaction))
            await command.ExecuteNonQueryAsync();
        foreach (var (table, rows) in _snapshot)
        {
            await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY \"{table}\" FROM STDIN (FORMAT BINARY)");
            await copy.WriteAsync(rows);
        }
        await transaction.CommitAsync();
    }

    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory' ORDER BY tablename", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    // protection: the data protection of the host the matrix sends its requests to (status links are only readable there).
    public async Task SeedAsync(AppFixture app, IDataProtectionProvider protection)
    {
        await app.ResetAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (key, user) in Users)
            {
                // No password: hashing one per user per reset would cost more than the whole seed.
                var entity = new AppUser { Id = user.Id, UserName = user.Email, Email = user.Email, EmailConfirmed = true, DisplayName = user.DisplayName, CreatedAt = app.Clock.GetUtcNow() };
                var created = await manager.CreateAsync(entity);
                if (!created.Succeeded) throw new InvalidOperationException(key + ": " + string.Join("; ", created.Errors.Select(e => e.Description)));
                await manager.AddToRolesAsync(entity, user.Roles);
            }
        }
        var u = Users;
        P = await SeedPostingAsync(app, "P", u["rec"], u["hm"], [u["int"], u["hm+i"], u["r+i"]], [u["int"], u["hm"], u["hm+i"], u["r+i"]], u["int"], protection);
        Q = await SeedPostingAsync(app, "Q", u["rec-q"], u["hm-q"], [u["int-q"]], [u["int-q"]], u["int-q"], protection);
        // int-q was also on a panel for P's candidate, but that interview was cancelled: it must open nothing of P's.
        var cancelled = await app.CreateInterviewAsync(P.ApplicationId, [u["int-q"]]);
        await app.WithDbAsync(async db =>
        {
            (await db.Interviews.SingleAsync(i => i.Id == cancelled)).Cancel("Matrix: cancelled", app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        CompetencyId = await app.QueryAsync(db => db.Competencies.OrderBy(c => c.Key).Select(c => c.Id).FirstAsync());
        await app.SendAsync(new RequestPasswordReset.Command { Email = u["spare"].Email }, null);
        OutboxEmailId = await app.QueryAsync(db => db.OutboxEmails.Select(e => e.Id).FirstAsync());
        QuestionId = await app.QueryAsync(db => db.Questions.OrderBy(q => q.Id).Select(q => q.Id).FirstAsync());
        await SnapshotAsync(app);
    }

    private static async Task<MatrixResource> SeedPostingAsync(AppFixture app, string name, TestUser recruiter, TestUser manager,
        IReadOnlyList<TestUser> teamInterviewers, IReadOnlyList<TestUser> panel, TestUser scorer, IDataProtectionProvider protection)
    {
        var posting = await app.CreatePostingAsync(recruiter, manager, teamInterviewers, title: $"Matrix posting {name}");
        var apply = await app.ApplicationAsync(posting.Id, $"Matrix Candidate {name}", $"matrix.candidate.{name.ToLowerInvariant()}@example.com");
        var applied = await app.SendAsync(apply, null);
        var applicationId = applied.ApplicationId ?? throw new InvalidOperationException("The matrix applicant was not stored.");
        var (candidateId, fileId) = await app.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            application.MoveTo(posting.Stage(InterviewTestData.SystemDesign).Id, app.Clock.GetUtcNow());
            var candidate = await db.Candidates.SingleAsync(c => c.Id == application.CandidateId);
            db.CandidateNotes.Add(new CandidateNote(candidate.Id, applicationId, recruiter.Id, $"Matrix note on {name}."));
            await db.SaveChangesAsync();
            return (candidate.Id, candidate.ResumeFileId!.Value);
        });
        var interviewId = await app.CreatePastInterviewAsync(applicationId, panel);
        await app.SubmitScorecardAsync(interviewId, scorer);
        await app.SendAsync(new RecordDecision.Command { ApplicationId = applicationId, Kind = DecisionKind.Offer, Rationale = "Strong panel.", CoverageOverrideReason = "No scorecards in this test: the offer goes ahead on the hiring manager's word." }, manager);
        var duplicateId = await app.CreateCandidateAsync($"Matrix Candidate {name} Twin");
        await app.CreateApplicationAsync(posting, duplicateId);
        var (noteId, offerId, pairId) = await app.WithDbAsync(async db =>
        {
            var pair = new PossibleDuplicate(candidateId, duplicateId, "Same name", app.Clock.GetUtcNow());
            db.PossibleDuplicates.Add(pair);
            await db.SaveChangesAsync();
            return (await db.CandidateNotes.Where(n => n.CandidateId == candidateId).Select(n => n.Id).SingleAsync(),
                await db.Offers.Where(o => o.ApplicationId == applicationId).Select(o => o.Id).SingleAsync(), pair.Id);
        });
        var token = new ApplicationStatusTokens(protection).Create(applicationId, app.Clock.GetUtcNow().AddDays(30));
        return new MatrixResource(name, posting.Id, posting.Stages[^1].Id, candidateId, applicationId, interviewId, scorer.Id, noteId, offerId,
            fileId, duplicateId, pairId, token);
    }
}
