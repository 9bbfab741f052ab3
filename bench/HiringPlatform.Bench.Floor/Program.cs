using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Npgsql;

// One raw query, one hand-built HTML page: what a board column costs with nothing in between (no MVC, no
// mediator, no EF, no auth). The benchmark reports every read scenario as a share of this page's throughput.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Default to the benchmark database.");
var dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
{
    MaxAutoPrepare = 10, AutoPrepareMinUsages = 2, MaxPoolSize = 32,
}.ConnectionString).Build();
builder.Services.AddSingleton(dataSource);

var app = builder.Build();

// The same rows as a board column: 50 active applications of one posting and stage, oldest in the stage
// first, keyset-paged by (stage_entered_at, id), with the candidate's name.
const string Sql = """
    SELECT a.id, c.full_name, a.stage_entered_at, a.weighted_score
    FROM applications a JOIN candidates c ON c.id = a.candidate_id
    WHERE a.posting_id = $1 AND a.stage_id = $2 AND a.status = 'Active' AND (a.stage_entered_at, a.id) > ($3, $4)
    ORDER BY a.stage_entered_at, a.id
    LIMIT 50
    """;

app.MapGet("/board", async (Guid posting, Guid stage, DateTimeOffset? after, Guid? afterId, NpgsqlDataSource db, CancellationToken ct) =>
{
    var html = new StringBuilder(16 * 1024);
    html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Board column</title></head><body><main><h1>Board column</h1><ol>");
    DateTimeOffset? lastAt = null;
    Guid? lastId = null;
    await using (var cmd = db.CreateCommand(Sql))
    {
        cmd.Parameters.AddWithValue(posting);
        cmd.Parameters.AddWithValue(stage);
        cmd.Parameters.AddWithValue((after ?? DateTimeOffset.MinValue).ToUniversalTime());
        cmd.Parameters.AddWithValue(afterId ?? Guid.Empty);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lastId = reader.GetGuid(0);
            lastAt = reader.GetFieldValue<DateTimeOffset>(2);
            html.Append("<li><a href=\"/applications/").Append(lastId.Value.ToString()).Append("\">")
                .Append(HtmlEncoder.Default.Encode(reader.GetString(1))).Append("</a> <time>")
                .Append(lastAt.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</time> ")
                .Append(reader.IsDBNull(3) ? "" : reader.GetDecimal(3).ToString("0.00", CultureInfo.InvariantCulture)).Append("</li>");
        }
    }
    html.Append("</ol>");
    if (lastId is not null)
        html.Append("<a href=\"/board?posting=").Append(posting).Append("&amp;stage=").Append(stage).Append("&amp;after=")
            .Append(Uri.EscapeDataString(lastAt!.Value.ToString("O", CultureInfo.InvariantCulture))).Append("&amp;afterId=").Append(lastId).Append("\">Next</a>");
    html.Append("</main></body></html>");
    return Results.Content(html.ToString(), "text/html; charset=utf-8");
});

app.MapGet("/health", () => "ok");

await app.RunAsync();
