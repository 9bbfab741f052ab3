using System.Text;

namespace HiringPlatform.Bench.Data;

// Résumé vocabulary: a few words nearly every backend résumé has, a few hundred skills with a Zipf-like
// spread, and a long tail of rare words (product and employer names made from syllables), so search sees
// both a word matching most rows and words matching a handful.
internal static class Words
{
    // Nearly every résumé: the search scenario's "common word" is the first.
    public static readonly (string Word, double Share)[] Common =
    [
        ("backend", 0.92), ("engineer", 0.85), ("services", 0.75), ("api", 0.70), ("production", 0.60),
    ];

    public static readonly string[] Skills =
    [
        "go", "python", "java", "postgresql", "kubernetes", "docker", "aws", "redis", "kafka", "typescript",
        "nodejs", "rust", "csharp", "dotnet", "grpc", "rest", "graphql", "terraform", "mysql", "mongodb",
        "microservices", "linux", "gcp", "azure", "elasticsearch", "rabbitmq", "prometheus", "grafana", "opentelemetry", "kotlin",
        "scala", "cassandra", "dynamodb", "sqs", "lambda", "serverless", "nginx", "envoy", "istio", "helm",
        "ansible", "jenkins", "circleci", "gitlab", "github", "ci", "cd", "observability", "tracing", "logging",
        "caching", "sharding", "replication", "partitioning", "indexing", "oauth", "oidc", "jwt", "tls", "owasp",
        "security", "encryption", "authentication", "authorization", "rbac", "vault", "secrets", "sre", "oncall", "incident",
        "postmortem", "latency", "throughput", "scalability", "availability", "resilience", "idempotency", "retries", "queues", "streaming",
        "batch", "etl", "airflow", "spark", "flink", "clickhouse", "snowflake", "bigquery", "redshift", "s3",
        "cdn", "websockets", "http2", "protobuf", "avro", "json", "openapi", "swagger", "versioning", "contracts",
        "ddd", "cqrs", "eventsourcing", "saga", "outbox", "transactions", "consistency", "raft", "consensus", "distributed",
        "concurrency", "multithreading", "async", "profiling", "benchmarking", "tuning", "memory", "gc", "jvm", "spring",
        "django", "flask", "fastapi", "express", "nestjs", "rails", "laravel", "aspnet", "efcore", "hibernate",
        "sqlalchemy", "prisma", "migrations", "schema", "modeling", "normalization", "denormalization", "olap", "oltp", "timescaledb",
        "pgbouncer", "patroni", "citus", "sqlite", "mariadb", "oracle", "sqlserver", "neo4j", "couchbase", "etcd",
        "consul", "nomad", "ecs", "eks", "gke", "aks", "cloudformation", "pulumi", "packer", "argo",
        "flux", "gitops", "bazel", "gradle", "maven", "cmake", "cpp", "c", "erlang", "elixir",
        "haskell", "clojure", "ocaml", "zig", "wasm", "tdd", "bdd", "testing", "pytest", "junit",
        "xunit", "mocking", "contract-testing", "load-testing", "k6", "locust", "chaos", "mentoring", "leadership", "architecture",
        "design-reviews", "adr", "documentation", "runbooks", "code-review", "pairing", "agile", "scrum", "kanban", "remote",
        "async-communication", "stakeholders", "roadmaps", "hiring", "interviewing", "payments", "billing", "fintech", "healthtech", "adtech",
        "ecommerce", "marketplace", "logistics", "search", "recommendations", "ml", "llm", "ai-assisted", "copilot", "data-pipelines",
    ];

    public static readonly string[] Verbs =
    [
        "built", "designed", "led", "migrated", "scaled", "operated", "maintained", "improved", "reduced", "owned",
        "shipped", "automated", "rewrote", "introduced", "mentored", "debugged", "optimized", "launched", "split", "secured",
    ];

    public static readonly string[] Filler =
    [
        "the", "and", "with", "for", "team", "platform", "system", "systems", "customers", "data",
        "high", "traffic", "critical", "internal", "public", "core", "new", "legacy", "cloud", "based",
        "across", "multiple", "regions", "users", "requests", "per", "second", "million", "of", "to",
        "on", "in", "a", "service", "pipeline", "infrastructure", "reliability", "performance", "cost", "time",
    ];

    public static readonly string[] Titles =
    [
        "Senior backend engineer", "Backend engineer", "Staff engineer", "Software engineer", "Lead backend developer",
        "Platform engineer", "Site reliability engineer", "Principal engineer", "Full stack engineer", "Data engineer",
    ];

    public static readonly string[] FirstNames =
    [
        "Aisha", "Alejandro", "Amara", "Anders", "Ananya", "Andrei", "Aroha", "Astrid", "Ayumi", "Bao",
        "Beatriz", "Bilal", "Camille", "Carlos", "Chen", "Chiara", "Chidi", "Dara", "Darius", "Deepika",
        "Diego", "Dmitri", "Elena", "Elif", "Emeka", "Emma", "Erik", "Esra", "Fatima", "Felix",
        "Freya", "Gabriel", "Giulia", "Hana", "Hannah", "Hiroshi", "Hugo", "Ifeoma", "Ingrid", "Isabel",
        "Ivan", "Jakub", "Jamal", "Javier", "Jia", "Joao", "Jonas", "Julia", "Kai", "Kamala",
        "Karim", "Katarzyna", "Kenji", "Kofi", "Lars", "Layla", "Leila", "Liam", "Lucia", "Luis",
        "Magnus", "Maja", "Malik", "Mariam", "Marta", "Mateo", "Mei", "Mihai", "Ming", "Nadia",
        "Naveen", "Nia", "Nikolai", "Noah", "Nora", "Olga", "Omar", "Oscar", "Paolo", "Priya",
        "Rafael", "Rahul", "Rania", "Ravi", "Rosa", "Ruth", "Sakura", "Samir", "Sara", "Sebastian",
        "Sofia", "Sun", "Tariq", "Thandiwe", "Tomas", "Valentina", "Vikram", "Wei", "Yara", "Yusuf",
        "Zainab", "Zoe", "Alexandra", "Benedikt", "Cristina", "Daniel", "Eitan", "Farah", "Gustavo", "Helena",
    ];

    public static readonly string[] LastNames =
    [
        "Abubakar", "Adeyemi", "Andersen", "Bakker", "Banerjee", "Becker", "Bianchi", "Borges", "Brennan", "Castillo",
        "Chatterjee", "Cohen", "Costa", "Cruz", "Dahl", "Dimitrov", "Dubois", "Eriksson", "Ferrari", "Fischer",
        "Fonseca", "Fujita", "Garcia", "Gonzalez", "Gupta", "Haddad", "Hansen", "Hashimoto", "Hernandez", "Horvat",
        "Hussain", "Ibrahim", "Ivanova", "Jansen", "Jensen", "Johansson", "Kaur", "Kim", "Kowalski", "Kozlov",
        "Kumar", "Larsen", "Lee", "Lindqvist", "Lopez", "Mahmoud", "Marino", "Martins", "Mehta", "Meyer",
        "Molina", "Moreau", "Morales", "Mukherjee", "Murphy", "Nakamura", "Nguyen", "Nielsen", "Novak", "Nowak",
        "Obi", "Odhiambo", "Okafor", "Oliveira", "Ortiz", "Ozturk", "Park", "Patel", "Pereira", "Petrov",
        "Popescu", "Quinn", "Rahman", "Ramos", "Reddy", "Ricci", "Rossi", "Russo", "Sato", "Schmidt",
        "Schneider", "Shah", "Silva", "Singh", "Sokolov", "Suzuki", "Svensson", "Takahashi", "Tanaka", "Torres",
        "Tran", "Vasquez", "Virtanen", "Volkov", "Wagner", "Walsh", "Wang", "Weber", "Wojcik", "Yamamoto",
        "Yilmaz", "Yusuf", "Zhang", "Zhou", "Zielinski", "Acheampong", "Bergstrom", "Carvalho", "Delacroix", "Esposito",
    ];

    public static readonly string[] Cities =
    [
        "Berlin", "Lisbon", "Toronto", "Austin", "Bangalore", "Lagos", "Nairobi", "Warsaw", "Sao Paulo", "Mexico City",
        "Madrid", "Amsterdam", "Stockholm", "Tokyo", "Singapore", "Sydney", "London", "Dublin", "Krakow", "Bucharest",
    ];

    public static readonly string[] TimeZones =
    [
        "Europe/Berlin", "Europe/Lisbon", "America/Toronto", "America/Chicago", "Asia/Kolkata", "Africa/Lagos", "Africa/Nairobi",
        "Europe/Warsaw", "America/Sao_Paulo", "America/Mexico_City", "Europe/Madrid", "Europe/Amsterdam", "Europe/Stockholm",
        "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney", "Europe/London", "Europe/Dublin", "Europe/Warsaw", "Europe/Bucharest",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "ven", "tor", "qui", "zan", "bel", "dra", "fex", "gor", "hul", "jin", "kor", "lum",
        "nax", "pel", "rix", "sol", "tav", "ul", "vex", "wen", "yor", "zel", "bri", "cas", "dun", "eth", "fir", "gal",
    ];

    // Rare words: "zanlorix" and the like, deterministic from their number. 32^3 = 32,768 words.
    public static int RareCount => Syllables.Length * Syllables.Length * Syllables.Length;

    public static string Rare(int n)
    {
        var s = Syllables.Length;
        return string.Concat(Syllables[n % s], Syllables[n / s % s], Syllables[n / (s * s) % s]);
    }

    // Zipf-like weights over the skills (rank r gets 1/(r+3)).
    public static readonly double[] SkillCumulative = BuildCumulative(Skills.Length, r => 1.0 / (r + 3));

    private static double[] BuildCumulative(int n, Func<int, double> weight)
    {
        var c = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++) c[i] = sum += weight(i);
        return c;
    }

    // About 150 words: a headline, then sentences of verbs, skills and filler, with 3 rare words in between.
    public static string Resume(ref Rng rng, int years, StringBuilder sb)
    {
        sb.Clear();
        sb.Append(rng.Pick(Titles)).Append(" with ").Append(years).Append(" years of experience. ");
        foreach (var (word, share) in Common)
            if (rng.Chance(share)) sb.Append(word).Append(' ');
        var words = 12;
        var rare = 3;
        while (words < 150)
        {
            sb.Append(rng.Pick(Verbs)).Append(' ');
            var n = rng.Next(4, 12);
            for (var i = 0; i < n; i++)
            {
                var roll = rng.Next(10);
                if (roll < 4) sb.Append(Skills[rng.PickWeighted(SkillCumulative)]);
                else if (roll == 4 && rare > 0 && rng.Chance(0.5)) { sb.Append(Rare(rng.Next(RareCount))); rare--; }
                else sb.Append(rng.Pick(Filler));
                sb.Append(' ');
            }
            sb.Length--;
            sb.Append(". ");
            words += n + 1;
        }
        while (rare-- > 0) sb.Append(Rare(rng.Next(RareCount))).Append(' ');
        return sb.ToString().TrimEnd();
    }
}
