using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Bench.Data;
using HiringPlatform.Testing;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace HiringPlatform.BenchTests.Data;

// The tiny set loaded twice (once for the checks, once to compare for determinism) into databases made from
// the migrated test template on the shared fixture's server.
public sealed class TinySetFixture : IAsyncLifetime
{
    public string First { get; private set; } = "";
    public string Second { get; private set; } = "";
    public int IndexesBefore { get; private set; }
    public LoadResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = await TestDatabase.CreateAsync("bench1");
        Second = await TestDatabase.CreateAsync("bench2");
        IndexesBefore = (int)await GeneratorTests.ScalarAsync<long>(First, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'");
        Result = await new Loader(First, BenchSpec.Tiny, TextWriter.Null).LoadAsync();
        await new Loader(Second, BenchSpec.Tiny, TextWriter.Null).LoadAsync();
    }

    public async Task DisposeAsync()
    {
        if (First.Length > 0) await TestDatabase.DropAsync(First);
        if (Second.Length > 0) await TestDatabase.DropAsync(Second);
    }
}

// Checks the counts, the rules the app relies on, that indexes and foreign keys came back, and determinism.
public sealed class GeneratorTests(TinySetFixture fixture) : IClassFixture<TinySetFixture>
{
    private readonly string _first = fixture.First;
    private readonly string _second = fixture.Second;
    private readonly int _indexesBefore = fixture.IndexesBefore;
    private readonly LoadResult _result = fixture.Result;

    [Fact]
    public async Task Should_load_the_requested_counts()
    {
        var spec = BenchSpec.Tiny;
        Assert.Equal(spec.Candidates, await CountAsync("candidates"));
        Assert.Equal(spec.Postings, await CountAsync("job_postings"));
        Assert.Equal(spec.Postings * 8, await CountAsync("interview_stages"));
        Assert.Equal(spec.Applications + spec.LongTimelineApplications, await CountAsync("applications"));
        Assert.Equal(spec.BusiestApplications, await ScalarAsync<long>(_first,
            "SELECT count(*) FROM applications a JOIN bench_meta m ON m.key = 'busiest_posting_id' AND a.posting_id = m.value::uuid"));
        Assert.Equal(spec.BusiestApplications, await ScalarAsync<long>(_first,
            "SELECT max(n) FROM (SELECT count(*) AS n FROM applications GROUP BY posting_id) x"));
        Assert.Equal(World.BenchUsers.Length + spec.Recruiters + spec.HiringManagers + spec.Interviewers, await CountAsync("\"AspNetUsers\""));
        Assert.True(await CountAsync("scorecards") > 0);
        Assert.True(await CountAsync("scorecard_ratings") >= 4 * await CountAsync("scorecards"));
        Assert.Equal(spec.LongTimelineNotes, await CountAsync("candidate_notes"));
        foreach (var (table, n) in _result.Counts) Assert.Equal(n, await CountAsync(Sql.Quote(table)));
    }

    [Theory]
    [InlineData("application's stage belongs to another posting",
        "SELECT count(*) FROM applications a JOIN interview_stages s ON s.id = a.stage_id WHERE s.posting_id <> a.posting_id")]
    [InlineData("interview's stage belongs to another posting than its application's",
        "SELECT count(*) FROM interviews i JOIN applications a ON a.id = i.application_id JOIN interview_stages s ON s.id = i.stage_id WHERE s.posting_id <> a.posting_id")]
    [InlineData("interview for a stage the application has not reached",
        "SELECT count(*) FROM interviews i JOIN applications a ON a.id = i.application_id JOIN interview_stages s ON s.id = i.stage_id JOIN interview_stages cur ON cur.id = a.stage_id WHERE s.\"order\" > cur.\"order\"")]
    [InlineData("interview in a stage that is not scored (review, debrief, offer)",
        "SELECT count(*) FROM interviews i JOIN interview_stages s ON s.id = i.stage_id WHERE s.kind NOT IN ('Screen', 'Interview')")]
    [InlineData("scorecard of another application than its interview's",
        "SELECT count(*) FROM scorecards c JOIN interviews i ON i.id = c.interview_id WHERE i.application_id <> c.application_id")]
    [InlineData("scorecard by someone who was not on the interview",
        "SELECT count(*) FROM scorecards c WHERE NOT EXISTS (SELECT 1 FROM interview_participants p WHERE p.interview_id = c.interview_id AND p.interviewer_id = c.interviewer_id)")]
    [InlineData("scorecard for an interview that did not happen",
        "SELECT count(*) FROM scorecards c JOIN interviews i ON i.id = c.interview_id WHERE i.status <> 'Completed'")]
    [InlineData("submitted scorecard without recommendation or date",
        "SELECT count(*) FROM scorecards WHERE status = 'Submitted' AND (recommendation IS NULL OR submitted_at IS NULL)")]
    [InlineData("submitted scorecard missing a focus competency's rating",
        "SELECT count(*) FROM scorecards c JOIN interviews i ON i.id = c.interview_id JOIN stage_focus f ON f.stage_id = i.stage_id WHERE c.status = 'Submitted' AND NOT EXISTS (SELECT 1 FROM scorecard_ratings r WHERE r.scorecard_id = c.id AND r.competency_id = f.competency_id)")]
    [InlineData("rating of a competency that is not the stage's focus",
        "SELECT count(*) FROM scorecard_ratings r JOIN scorecards c ON c.id = r.scorecard_id JOIN interviews i ON i.id = c.interview_id WHERE NOT EXISTS (SELECT 1 FROM stage_focus f WHERE f.stage_id = i.stage_id AND f.competency_id = r.competency_id)")]
    [InlineData("rating outside 1..4, without evidence, or against another competency's version",
        "SELECT count(*) FROM scorecard_ratings r JOIN competency_versions v ON v.id = r.competency_version_id WHERE r.rating NOT BETWEEN 1 AND 4 OR coalesce(r.evidence, '') = '' OR v.competency_id <> r.competency_id")]
    [InlineData("application to a draft posting",
        "SELECT count(*) FROM applications a JOIN job_postings p ON p.id = a.posting_id WHERE p.status = 'Draft'")]
    [InlineData("closing date that does not match the status",
        "SELECT count(*) FROM applications WHERE (status = 'Active') <> (closed_at IS NULL)")]
    [InlineData("rejection without a reason, or a skills gap without its competency",
        "SELECT count(*) FROM applications WHERE (status = 'Rejected' AND rejection_reason IS NULL) OR (rejection_reason = 'SkillsGap' AND rejection_competency_id IS NULL) OR (status <> 'Rejected' AND rejection_reason IS NOT NULL)")]
    [InlineData("timestamps out of order (candidate, applied, stage entered, closed)",
        "SELECT count(*) FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE a.applied_at < c.created_at OR a.stage_entered_at < a.applied_at OR a.closed_at < a.stage_entered_at")]
    [InlineData("posting without exactly one hiring manager and a recruiter",
        "SELECT count(*) FROM job_postings p WHERE (SELECT count(*) FROM posting_team_members t WHERE t.posting_id = p.id AND t.role = 'HiringManager') <> 1 OR NOT EXISTS (SELECT 1 FROM posting_team_members t WHERE t.posting_id = p.id AND t.role = 'Recruiter')")]
    [InlineData("posting without the template's 8 stages in order",
        "SELECT count(*) FROM job_postings p WHERE (SELECT array_agg(s.\"order\" ORDER BY s.\"order\") FROM interview_stages s WHERE s.posting_id = p.id) <> ARRAY[0,1,2,3,4,5,6,7]")]
    [InlineData("weighted score outside 1..4",
        "SELECT count(*) FROM applications WHERE weighted_score NOT BETWEEN 1 AND 4")]
    [InlineData("candidate without a search vector",
        "SELECT count(*) FROM candidates WHERE search_vector IS NULL OR resume_text IS NULL")]
    [InlineData("foreign key left unvalidated",
        "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated")]
    public async Task Should_satisfy_the_apps_invariants(string rule, string violationsSql)
    {
        var violations = await ScalarAsync<long>(_first, violationsSql);
        Assert.True(violations == 0, $"{violations} rows break the rule: {rule}");
    }

    [Fact]
    public async Task Should_rebuild_every_index_it_dropped_and_mark_the_load_complete()
    {
        Assert.Equal(_indexesBefore, (int)await ScalarAsync<long>(_first, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'bench_meta'"));
        var meta = await Loader.ReadMetaAsync(_first);
        Assert.NotNull(meta);
        Assert.Equal("true", meta["complete"]);
        Assert.Equal(BenchSpec.GeneratorVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), meta["generator_version"]);
        Assert.Equal(1, await ScalarAsync<long>(_first,
            "SELECT count(*) FROM applications a JOIN bench_meta m ON m.key = 'score_application_id' AND a.id = m.value::uuid WHERE a.weighted_score IS NOT NULL"));
        Assert.Equal(1, await ScalarAsync<long>(_first, $"SELECT count(*) FROM candidates WHERE email = '{meta["search_email"]}'"));
    }

    [Fact]
    public async Task Should_make_the_common_word_common_and_the_rare_word_rare()
    {
        var meta = (await Loader.ReadMetaAsync(_first))!;
        var common = await ScalarAsync<long>(_first, $"SELECT count(*) FROM candidates WHERE search_vector @@ plainto_tsquery('english', '{meta["common_word"]}')");
        Assert.True(common > BenchSpec.Tiny.Candidates * 0.8, $"'{meta["common_word"]}' matches {common} candidates");
        var rare = await ScalarAsync<long>(_first, $"SELECT count(*) FROM candidates WHERE search_vector @@ plainto_tsquery('english', '{meta["rare_word"]}')");
        Assert.True(rare < BenchSpec.Tiny.Candidates * 0.01, $"'{meta["rare_word"]}' matches {rare} candidates");
    }

    [Fact]
    public async Task Should_give_the_benchmark_users_a_working_password_and_their_roles()
    {
        var hasher = new PasswordHasher<AppUser>();
        foreach (var user in World.BenchUsers)
        {
            var hash = await ScalarAsync<string>(_first, $"SELECT password_hash FROM \"AspNetUsers\" WHERE email = '{user.Email}'");
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new AppUser(), hash, World.Password));
            Assert.Equal(1, await ScalarAsync<long>(_first,
                $"SELECT count(*) FROM \"AspNetUserRoles\" ur JOIN \"AspNetUsers\" u ON u.id = ur.user_id JOIN \"AspNetRoles\" r ON r.id = ur.role_id WHERE u.email = '{user.Email}' AND r.name = '{user.Role}'"));
        }
    }

    [Fact]
    public async Task Should_generate_the_same_rows_from_the_same_seed()
    {
        foreach (var sql in new[]
        {
            "SELECT md5(string_agg(id::text || email || resume_text, ',' ORDER BY id)) FROM candidates",
            "SELECT md5(string_agg(id::text || stage_id::text || status || applied_at::text, ',' ORDER BY id)) FROM applications",
            "SELECT md5(string_agg(r.scorecard_id::text || r.competency_id::text || r.rating, ',' ORDER BY r.scorecard_id, r.competency_id)) FROM scorecard_ratings r",
        })
            Assert.Equal(await ScalarAsync<string>(_first, sql), await ScalarAsync<string>(_second, sql));
    }

    private Task<long> CountAsync(string table) => ScalarAsync<long>(_first, $"SELECT count(*) FROM {table}");

    internal static async Task<T> ScalarAsync<T>(string cs, string sql)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
