using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.IntegrationTests.Candidates;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HiringPlatform.IntegrationTests.Common;

// Two submissions of the same thing at the same moment (a double-click, two tabs, two colleagues): both pass the
// validator's "does it exist yet?" check, and the unique index stops the second. Each race is forced, not hoped
// for: the test holds a lock on the table so both commands are inside their transactions, blocked on the write,
// before either can commit. The loser must end with the friendly conflict (or succeed idempotently), never a raw
// database error (a 500 on the web), and exactly one row is stored.
public sealed class ConcurrentSubmissionTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    [Fact]
    public async Task AddCandidate_Should_store_one_candidate_and_tell_the_second_of_two_concurrent_adds()
    {
        AddCandidate.Command Add(string name) => new()
        {
            FullName = name, Email = "race@example.com", Source = CandidateSource.Sourced, PostingId = Posting.Id,
        };

        var outcomes = await RaceAsync("candidates",
            () => App.SendAsync(Add("Ada Race"), Recruiter),
            () => App.SendAsync(Add("Ada Race Twin"), Manager));

        AssertOneWonOneConflicted(outcomes);
        Assert.Equal(1, await App.QueryAsync(db => db.Candidates.CountAsync(c => c.Email == "race@example.com")));
    }

    [Fact]
    public async Task AttachToPosting_Should_store_one_application_and_tell_the_second_of_two_concurrent_attaches()
    {
        var other = await App.CreatePostingAsync(Recruiter, Manager, title: "Second posting");
        var (candidateId, _) = await App.CreateApplicantAsync(Posting, "Bea Attach");
        var attach = new AttachToPosting.Command { CandidateId = candidateId, PostingId = other.Id };

        var outcomes = await RaceAsync("applications",
            () => App.SendAsync(attach, Recruiter),
            () => App.SendAsync(attach, Manager));

        AssertOneWonOneConflicted(outcomes);
        Assert.Equal(1, await App.QueryAsync(db => db.Applications.CountAsync(a => a.CandidateId == candidateId && a.PostingId == other.Id)));
    }

    [Fact]
    public async Task SaveScorecard_Should_keep_one_scorecard_when_the_first_save_comes_from_two_tabs_at_once()
    {
        var (_, applicationId) = await App.CreateApplicantAsync(Posting, "Cy Scorecard");
        var interviewId = await App.CreatePastInterviewAsync(applicationId, [Interviewer]);
        var draft = await App.ScorecardAsync(interviewId, Interviewer, submit: false);

        var outcomes = await RaceAsync("scorecards",
            () => App.SendAsync(draft, Interviewer),
            () => App.SendAsync(draft with { PrivateNote = "From the second tab." }, Interviewer));

        // Saving a draft is idempotent: the re-run finds the first tab's draft and saves over it.
        Assert.All(outcomes, o => Assert.Null(o));
        Assert.Equal(1, await App.QueryAsync(db => db.Scorecards.CountAsync(s => s.InterviewId == interviewId && s.InterviewerId == Interviewer.Id)));
    }

    [Fact]
    public async Task EditCandidate_Should_record_one_possible_duplicate_when_two_edits_detect_it_at_once()
    {
        var (existing, _) = await App.CreateApplicantAsync(Posting, "Dee Double");
        await App.WithDbAsync(async db =>
        {
            (await db.Candidates.SingleAsync(c => c.Id == existing)).Phone = "+44 20 7946 0000";
            await db.SaveChangesAsync();
        });
        var (edited, _) = await App.CreateApplicantAsync(Posting, "Dee Double");
        var form = await App.SendAsync(new EditCandidate.Query { CandidateId = edited }, Recruiter);
        var edit = form with { Phone = "+44 20 7946 0000" };

        var outcomes = await RaceAsync("possible_duplicates",
            () => App.SendAsync(edit, Recruiter),
            () => App.SendAsync(edit with { Location = "London" }, Manager));

        AssertOneWonOneConflicted(outcomes);
        Assert.Equal(1, await App.QueryAsync(db => db.PossibleDuplicates.CountAsync(d =>
            (d.CandidateId == edited && d.OtherCandidateId == existing) || (d.CandidateId == existing && d.OtherCandidateId == edited))));
    }

    [Fact]
    public void DatabaseConflicts_Should_recognise_unique_and_serialization_failures_wherever_they_are_wrapped()
    {
        var unique = new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);
        var serialization = new PostgresException("could not serialize", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure);
        Assert.True(DatabaseConflicts.IsLostRace(new DbUpdateException("save", unique)));
        Assert.True(DatabaseConflicts.IsLostRace(new InvalidOperationException("retries", new DbUpdateException("save", serialization))));
        Assert.True(DatabaseConflicts.IsUniqueViolation(new DbUpdateException("save", unique)));
        Assert.False(DatabaseConflicts.IsUniqueViolation(new DbUpdateException("save", serialization)));
        Assert.False(DatabaseConflicts.IsLostRace(new DbUpdateException("save",
            new PostgresException("not null", "ERROR", "ERROR", PostgresErrorCodes.NotNullViolation))));
    }

    private static void AssertOneWonOneConflicted(IReadOnlyList<Exception?> outcomes)
    {
        Assert.Single(outcomes, o => o is null);
        var loser = Assert.Single(outcomes, o => o is not null);
        // The same message the optimistic-concurrency path gives (a form-level message on the web, never a 500).
        Assert.True(loser is ConcurrencyConflictException, $"the loser got {loser}");
    }

    // Holds a lock on `table` that lets both commands read (and so pass their validators) but not write, waits
    // until both are blocked on it inside their transactions, then lets them go together.
    private async Task<IReadOnlyList<Exception?>> RaceAsync(string table, params Func<Task>[] commands)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
            await lockTable.ExecuteNonQueryAsync();

        var running = commands.Select(async command =>
        {
            await Task.Yield();
            try
            {
                await command();
                return (Exception?)null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }).ToList();

        // Generous: on a busy machine (the suite runs beside other CPU-heavy jobs) a command can take many seconds to
        // reach its write; the loop ends as soon as both are blocked.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        long blocked = 0;
        while (DateTime.UtcNow < deadline && running.All(t => !t.IsCompleted))
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
                connection, transaction);
            blocked = (long)(await waiting.ExecuteScalarAsync())!;
            if (blocked >= commands.Length) break;
            await Task.Delay(20);
        }
        // What the other sessions were doing when the wait ended, so a failed set-up says why, not just that it failed.
        var sessions = blocked >= commands.Length ? "" : await DescribeSessionsAsync(connection, transaction);
        await transaction.RollbackAsync();
        var outcomes = await Task.WhenAll(running);
        Assert.True(blocked >= commands.Length,
            $"the race did not happen: {blocked} of {commands.Length} commands were waiting; outcomes: {string.Join(" | ", outcomes.Select(o => o?.Message ?? "ok"))}; "
            + $"sessions: {sessions}; thread pool: {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued");
        return outcomes;
    }

    private static async Task<string> DescribeSessionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var sessions = new NpgsqlCommand(
            "SELECT string_agg(format('%s/%s/%s: %s', state, wait_event_type, wait_event, left(query, 80)), ' || ') "
            + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            connection, transaction);
        return (await sessions.ExecuteScalarAsync()) as string ?? "none";
    }
}
