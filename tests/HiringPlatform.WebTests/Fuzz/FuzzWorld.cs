using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.WebTests.Fuzz;

// Real rows for route ids, so requests pass authorisation and reach validation, handlers and the database: the
// fuzzing admin is also the recruiter of the posting and an interviewer on its interview. Fuzzed requests erase,
// merge and withdraw these, so the world is seeded afresh every so often.
public sealed class FuzzWorld
{
    public required TestUser Admin { get; init; }
    public required TestUser Other { get; init; }
    public Guid PostingId { get; private set; }
    public Guid StageId { get; private set; }
    public Guid CandidateId { get; private set; }
    public Guid OtherCandidateId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid InterviewId { get; private set; }
    public Guid NoteId { get; private set; }
    public Guid CompetencyId { get; private set; }
    public Guid QuestionId { get; private set; }
    public Guid? FileId { get; private set; }
    public Guid? OutboxId { get; private set; }
    public Guid? PairId { get; private set; }

    public static async Task<FuzzWorld> CreateAsync(AppFixture app)
    {
        var world = new FuzzWorld
        {
            Admin = await app.CreateUserAsync("Fuzz Admin", Roles.Admin, Roles.Recruiter, Roles.HiringManager, Roles.Interviewer),
            Other = await app.CreateUserAsync("Fuzz Other", Roles.Interviewer, Roles.HiringManager),
        };
        await world.SeedAsync(app);
        return world;
    }

    public async Task SeedAsync(AppFixture app)
    {
        var posting = await app.CreatePostingAsync(Admin, Other, [Admin]);
        PostingId = posting.Id;
        StageId = posting.Stages[1].Id;
        (CandidateId, ApplicationId) = await app.CreateApplicantAsync(posting, "Fuzz Candidate", posting.Stages[2].Name);
        (OtherCandidateId, _) = await app.CreateApplicantAsync(posting, "Fuzz Twin");
        InterviewId = await app.CreatePastInterviewAsync(ApplicationId, [Admin, Other]);
        (NoteId, CompetencyId, QuestionId, FileId, OutboxId, PairId) = await app.WithDbAsync(async db =>
        {
            var note = new CandidateNote(CandidateId, ApplicationId, Admin.Id, "A fuzz note");
            db.CandidateNotes.Add(note);
            await db.SaveChangesAsync();
            return (note.Id,
                await db.Competencies.Select(c => c.Id).FirstAsync(),
                await db.Questions.Select(q => q.Id).FirstAsync(),
                await db.Files.Select(f => (Guid?)f.Id).FirstOrDefaultAsync(),
                await db.OutboxEmails.Select(e => (Guid?)e.Id).FirstOrDefaultAsync(),
                await db.PossibleDuplicates.Select(p => (Guid?)p.Id).FirstOrDefaultAsync());
        });
    }

    private IReadOnlyList<Guid> Ids => [PostingId, StageId, CandidateId, OtherCandidateId, ApplicationId, InterviewId, NoteId, CompetencyId, QuestionId, Admin.Id, Other.Id];

    public Guid PickId(Random random) => random.Next(10) == 0 ? Guid.NewGuid() : Ids[random.Next(Ids.Count)];

    // The id a route parameter names, by its name and the route it sits in.
    public string RouteValue(string template, string name, string? constraint, Random random)
    {
        if (constraint == "int") return random.Next(4) switch { 0 => "404", 1 => "0", 2 => "2147483647", _ => "599" };
        if (random.Next(12) == 0) return Guid.NewGuid().ToString();
        Guid? id = name switch
        {
            "postingId" => PostingId,
            "stageId" => StageId,
            "interviewId" => InterviewId,
            "noteId" => NoteId,
            "otherId" => OtherCandidateId,
            "pairId" => PairId,
            "token" => null,
            _ => template switch
            {
                _ when template.StartsWith("postings", StringComparison.Ordinal) || template.StartsWith("careers", StringComparison.Ordinal) => PostingId,
                _ when template.StartsWith("candidates", StringComparison.Ordinal) => CandidateId,
                _ when template.StartsWith("applications", StringComparison.Ordinal) => ApplicationId,
                _ when template.StartsWith("interviews", StringComparison.Ordinal) => InterviewId,
                _ when template.StartsWith("competencies", StringComparison.Ordinal) => CompetencyId,
                _ when template.StartsWith("questions", StringComparison.Ordinal) => QuestionId,
                _ when template.StartsWith("admin/users", StringComparison.Ordinal) => Other.Id,
                _ when template.StartsWith("admin/outbox", StringComparison.Ordinal) => OutboxId,
                _ when template.StartsWith("files", StringComparison.Ordinal) => FileId,
                _ => null,
            },
        };
        if (name == "token") return random.Next(3) == 0 ? "x" : Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id ?? Guid.NewGuid()).ToString();
    }
}
