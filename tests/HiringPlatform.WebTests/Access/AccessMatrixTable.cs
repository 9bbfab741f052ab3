namespace HiringPlatform.WebTests.Access;

// The expected outcomes, read from the permission table in docs/security.md (one source for the test and the docs).
// A cell is one outcome for every resource, or "P / Q": the outcome on the own posting's resources, then on the other
// posting's. An outcome is ok (allowed: any answer that is not a refusal, validation re-renders included), 403, 404 or
// signin. "404!F1" means: the intended outcome is 404, but finding 1 of issue 11 is not fixed yet, so today the cell
// answers something else; the test counts it as a known failure, and fails as soon as the cell passes (remove the mark).
public sealed record ExpectedCell(string Outcome, string? KnownFinding);

public sealed record MatrixRow(string Method, string Path, string Query, IReadOnlyDictionary<string, (ExpectedCell P, ExpectedCell Q)> Cells,
    IReadOnlyList<string> Requests, int Line)
{
    public string Key => $"{Method} {Path}";
    // Routes that name a posting's resource run on P's and on Q's; global ones (competencies, questions, users, the
    // outbox) and parameterless ones once, unless their cells differ (a body that carries a posting's ids).
    public bool PerResource => Cells.Values.Any(c => c.P != c.Q) ||
        ((Path + Query).Contains('{') && !Path.Contains("{code}") && !Path.StartsWith("/competencies", StringComparison.Ordinal) &&
         !Path.StartsWith("/questions", StringComparison.Ordinal) && !Path.StartsWith("/admin", StringComparison.Ordinal));
}

public sealed record OtherRequest(string Name, string SentBy);

public sealed class AccessMatrixTable
{
    public const string Heading = "## Permission table";
    public static readonly string[] Actors = ["anon", "admin", "rec", "rec-q", "hm", "hm-q", "int", "int-q", "hm+i", "r+i"];
    public static readonly string[] Outcomes = ["ok", "403", "404", "signin"];

    public IReadOnlyList<MatrixRow> Rows { get; }
    public IReadOnlyList<OtherRequest> OtherRequests { get; }

    private AccessMatrixTable(IReadOnlyList<MatrixRow> rows, IReadOnlyList<OtherRequest> others)
    {
        Rows = rows;
        OtherRequests = others;
    }

    public static string SecurityDocPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "security.md");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("docs/security.md not found above " + AppContext.BaseDirectory);
    }

    public static AccessMatrixTable Load() => Parse(File.ReadAllLines(SecurityDocPath()));

    public static AccessMatrixTable Parse(IReadOnlyList<string> lines)
    {
        var start = lines.ToList().FindIndex(l => l.Trim() == Heading);
        if (start < 0) throw new FormatException($"No '{Heading}' section in docs/security.md.");
        var rows = new List<MatrixRow>();
        var others = new List<OtherRequest>();
        string[]? header = null;
        for (var i = start + 1; i < lines.Count && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('|')) { header = null; continue; }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null) { header = cells; continue; }
            if (cells.All(c => c.StartsWith("---", StringComparison.Ordinal) || c.Length == 0)) continue;
            if (header[0] == "Route") rows.Add(ParseRow(header, cells, i + 1));
            else if (header[0] == "Request") others.Add(new OtherRequest(cells[0].Trim('`'), cells[1]));
        }
        return new AccessMatrixTable(rows, others);
    }

    private static MatrixRow ParseRow(string[] header, string[] cells, int line)
    {
        if (!header.Skip(1).Take(Actors.Length).SequenceEqual(Actors))
            throw new FormatException($"docs/security.md line {line}: the columns must be Route, {string.Join(", ", Actors)}, Requests.");
        if (cells.Length != Actors.Length + 2) throw new FormatException($"docs/security.md line {line}: expected {Actors.Length + 2} cells.");
        var route = cells[0].Trim('`');
        var space = route.IndexOf(' ');
        var method = route[..space];
        var target = route[(space + 1)..];
        var q = target.IndexOf('?');
        var path = q < 0 ? target : target[..q];
        var query = q < 0 ? "" : target[q..];
        var map = new Dictionary<string, (ExpectedCell, ExpectedCell)>();
        for (var a = 0; a < Actors.Length; a++)
        {
            var parts = cells[a + 1].Split('/', StringSplitOptions.TrimEntries);
            if (parts.Length is < 1 or > 2) throw new FormatException($"docs/security.md line {line}: bad cell '{cells[a + 1]}'.");
            var p = ParseCell(parts[0], line);
            map[Actors[a]] = (p, parts.Length == 2 ? ParseCell(parts[1], line) : p);
        }
        var requests = cells[^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim('`')).ToList();
        return new MatrixRow(method, path, query, map, requests, line);
    }

    private static ExpectedCell ParseCell(string text, int line)
    {
        var bang = text.IndexOf('!');
        var outcome = bang < 0 ? text : text[..bang];
        if (!Outcomes.Contains(outcome)) throw new FormatException($"docs/security.md line {line}: unknown outcome '{text}'.");
        return new ExpectedCell(outcome, bang < 0 ? null : text[(bang + 1)..]);
    }
}
