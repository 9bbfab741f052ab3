using System.Text.Json;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Candidates;

// One candidate in process for two postings with different teams: each team sees its own posting's records and
// only "also in process for another role" of the other; an admin sees everything (ADR-0011).
public sealed class CandidateScopeTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    private TestUser _otherRecruiter = null!;
    private TestUser _otherManager = null!;
    private TestUser _admin = null!;
    // Writes the draft scorecards. Not a hiring manager: a hiring manager on the panel with a draft of their own sees no
    // colleague's feedback until they submit (independent feedback, ADR-0009), which is not what this test is about.
    private TestUser _drafter = null!;
    private PostingInfo _other = null!;
    private Guid _candidate;
    private Guid _ours;
    private Guid _theirs;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _otherRecruiter = await App.CreateUserAsync("Bea Recruiter", Roles.Recruiter);
        _otherManager = await App.CreateUserAsync("Bo Manager", Roles.HiringManager);
        _admin = await App.CreateUserAsync("Ada Admin", Roles.Admin);
        _drafter = await App.CreateUserAsync("Dee Drafter", Roles.Interviewer);
        _other = await App.CreatePostingAsync(_otherRecruiter, _otherManager, [Interviewer], title: "Secret Other Role");
        _candidate = await App.CreateCandidateAsync("Sam Shared", "sam.shared@example.com", c => c.Phone = "+1 555 0199");
        _theirs = await App.CreateApplicationAsync(_other, _candidate, "Coding exercise");
        // A candidate-level note written while the candidate was only on the other posting.
        await AddAsync(db => db.CandidateNotes.Add(new CandidateNote(_candidate, null, _otherRecruiter.Id, "THEIRS-early-note")));
        App.Clock.Advance(TimeSpan.FromDays(1));
        _ours = await App.CreateApplicationAsync(Posting, _candidate, "Coding exercise");
        await RecordsAsync(_ours, Recruiter, Manager, "OURS");
        await RecordsAsync(_theirs, _otherRecruiter, _otherManager, "THEIRS");
        await App.WithDbAsync(async db =>
        {
            (await db.Applications.SingleAsync(a => a.Id == _theirs)).Reject(RejectionReason.ExperienceLevel, null, "THEIRS-reject-note", App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return 0;
        });
        await AddAsync(db => db.Applications.Where(a => a.Id == _theirs).ExecuteUpdateAsync(s => s.SetProperty(a => a.WeightedScore, 1.5m)));
        // A second, still open application elsewhere, so the one-line mention shows.
        var third = await App.CreatePostingAsync(_otherRecruiter, _otherManager, title: "Third Hidden Role");
        await App.CreateApplicationAsync(third, _candidate);
    }

    private Task AddAsync(Func<HiringPlatform.Application.Data.AppDbContext, object?> change) => App.WithDbAsync(async db =>
    {
        var result = change(db);
        if (result is Task task) await task;
        await db.SaveChangesAsync();
        return 0;
    });

    // Per application: a linked note, a submitted scorecard with a private note, a draft scorecard, a decision, an
    // offer and a timeline entry, each carrying the tag.
    private async Task RecordsAsync(Guid applicationId, TestUser recruiter, TestUser manager, string tag)
    {
        var interviewId = await App.CreateInterviewAsync(applicationId, [Interviewer, _drafter], App.Clock.GetUtcNow().AddDays(-1));
        await App.WithDbAsync(async db =>
        {
            var postingId = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.PostingId).SingleAsync();
            var competency = await db.RubricItems.Where(r => r.PostingId == postingId).Select(r => r.CompetencyId).FirstAsync();
            var version = await db.Competencies.Where(c => c.Id == competency).Select(c => c.CurrentVersionId).SingleAsync();
            var submitted = new Scorecard(interviewId, applicationId, Interviewer.Id);
            submitted.SaveDraft([new ScorecardRatingInput(competency, version, "System design", 2, $"{tag}-evidence")], [],
                Recommendation.StrongNo, null, $"{tag}-private-note");
            submitted.Submit(App.Clock.GetUtcNow());
            var draft = new Scorecard(interviewId, applicationId, _drafter.Id);
            draft.SaveDraft([new ScorecardRatingInput(competency, version, "System design", 4, $"{tag}-draft-evidence")], [], Recommendation.Yes, null, null);
            db.Scorecards.AddRange(submitted, draft);
            db.CandidateNotes.Add(new CandidateNote(_candidate, applicationId, recruiter.Id, $"{tag}-linked-note"));
            db.Decisions.Add(new Decision(applicationId, manager.Id, DecisionKind.Advance, $"{tag}-rationale", null, App.Clock.GetUtcNow()));
            db.Offers.Add(new Offer(applicationId, 123456m, "EUR", new DateOnly(2027, 3, 1), $"{tag}-offer-note", manager.Id));
            db.ActivityEvents.Add(new ActivityEvent(_candidate, applicationId, App.Clock.GetUtcNow(), Interviewer.Id, ActivityKind.ScorecardSubmitted,
                $"{tag}-timeline: scorecard submitted, strong no"));
            await db.SaveChangesAsync();
            return 0;
        });
    }

    private Task<GetCandidateProfile.Model> ProfileAs(TestUser user) => App.SendAsync(new GetCandidateProfile.Query { CandidateId = _candidate }, user);

    private static string Shown(GetCandidateProfile.Model p) => JsonSerializer.Serialize(p);

    [Fact]
    public async Task Should_show_a_hiring_manager_only_their_postings_records_and_one_line_for_the_others()
    {
        var profile = await ProfileAs(Manager);

        var application = Assert.Single(profile.Applications);
        Assert.Equal(_ours, application.Id);
        Assert.True(profile.InProcessElsewhere);
        Assert.Equal(["OURS-linked-note"], profile.Notes.Select(n => n.Body).ToArray());
        Assert.Contains(profile.Timeline, e => e.Summary.StartsWith("OURS-timeline", StringComparison.Ordinal));
        var shown = Shown(profile);
        foreach (var leak in new[] { "THEIRS", "Secret Other Role", "Third Hidden Role" })
            Assert.DoesNotContain(leak, shown, StringComparison.Ordinal);
        // Candidate-level facts stay: contact details.
        Assert.Equal("+1 555 0199", profile.Phone);
    }

    [Fact]
    public async Task Should_show_the_other_postings_recruiter_their_records_and_the_notes_written_while_on_their_posting()
    {
        var profile = await ProfileAs(_otherRecruiter);

        Assert.DoesNotContain(profile.Applications, a => a.Id == _ours);
        Assert.Contains(profile.Applications, a => a.Id == _theirs && a.RejectionNote == "THEIRS-reject-note" && a.WeightedScore == 1.5m);
        Assert.Equal(["THEIRS-early-note", "THEIRS-linked-note"], profile.Notes.Select(n => n.Body).Order(StringComparer.Ordinal).ToArray());
        Assert.True(profile.InProcessElsewhere);
        Assert.DoesNotContain("OURS", Shown(profile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_an_admin_every_posting_and_no_one_line_summary()
    {
        var profile = await ProfileAs(_admin);

        Assert.Equal(3, profile.Applications.Count);
        Assert.False(profile.InProcessElsewhere);
        Assert.Equal(3, profile.Notes.Count);
        Assert.Contains(profile.Timeline, e => e.Summary.StartsWith("THEIRS-timeline", StringComparison.Ordinal));
        Assert.Contains(profile.Timeline, e => e.Summary.StartsWith("OURS-timeline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_hide_an_unlinked_note_written_before_the_candidate_reached_the_viewers_posting_but_show_the_author_their_own()
    {
        await App.WithDbAsync(async db =>
        {
            db.CandidateNotes.Add(new CandidateNote(_candidate, null, Recruiter.Id, "OURS-late-note"));
            await db.SaveChangesAsync();
            return 0;
        });

        Assert.Contains("OURS-late-note", (await ProfileAs(Manager)).Notes.Select(n => n.Body));
        // The other team was on the candidate before this note, so it sees it too: a note about the person.
        Assert.Contains("OURS-late-note", (await ProfileAs(_otherRecruiter)).Notes.Select(n => n.Body));
        Assert.DoesNotContain("THEIRS-early-note", (await ProfileAs(Recruiter)).Notes.Select(n => n.Body));
    }

    [Fact]
    public async Task Should_export_to_a_recruiter_only_their_postings_submitted_scorecards_without_private_notes()
    {
        var export = await App.SendAsync(new ExportCandidate.Command { CandidateId = _candidate }, Recruiter);

        Assert.Equal(ExportCandidate.TeamScope, export.Scope);
        Assert.Equal([_ours], export.Applications.Select(a => a.Id).ToArray());
        var scorecard = Assert.Single(export.Scorecards);
        Assert.Equal(nameof(ScorecardStatus.Submitted), scorecard.Status);
        Assert.Null(scorecard.PrivateNote);
        Assert.Equal(["OURS-rationale"], export.Decisions.Select(d => d.Rationale).ToArray());
        Assert.Equal("OURS-offer-note", Assert.Single(export.Offers).Notes);
        Assert.Empty(export.Emails);
        var json = JsonSerializer.Serialize(export);
        foreach (var leak in new[] { "THEIRS", "private-note", "draft-evidence", "Secret Other Role", "Third Hidden Role" })
            Assert.DoesNotContain(leak, json, StringComparison.Ordinal);
        Assert.Contains("OURS-evidence", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_export_the_private_note_to_the_hiring_manager_of_that_posting_only()
    {
        var ours = await App.SendAsync(new ExportCandidate.Command { CandidateId = _candidate }, Manager);
        Assert.Equal("OURS-private-note", Assert.Single(ours.Scorecards).PrivateNote);
        Assert.DoesNotContain("THEIRS", JsonSerializer.Serialize(ours), StringComparison.Ordinal);

        var theirs = await App.SendAsync(new ExportCandidate.Command { CandidateId = _candidate }, _otherManager);
        Assert.Equal("THEIRS-private-note", Assert.Single(theirs.Scorecards).PrivateNote);
        Assert.DoesNotContain("OURS", JsonSerializer.Serialize(theirs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_an_admin_the_full_data_subject_export_and_audit_every_export()
    {
        await App.WithDbAsync(async db =>
        {
            db.OutboxEmails.Add(new OutboxEmail("sam.shared@example.com", "Sam", "Your interview", "Hi Sam", null, App.Clock.GetUtcNow(), _candidate));
            await db.SaveChangesAsync();
            return 0;
        });

        var export = await App.SendAsync(new ExportCandidate.Command { CandidateId = _candidate }, _admin);
        await App.SendAsync(new ExportCandidate.Command { CandidateId = _candidate }, Recruiter);

        Assert.Equal(ExportCandidate.FullScope, export.Scope);
        Assert.Equal(3, export.Applications.Count);
        Assert.Equal(4, export.Scorecards.Count);
        Assert.Contains(export.Scorecards, s => s.PrivateNote == "THEIRS-private-note");
        Assert.Contains(export.Scorecards, s => s.Status == nameof(ScorecardStatus.Draft));
        Assert.Equal("Your interview", Assert.Single(export.Emails).Subject);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Candidate) && a.EntityId == _candidate.ToString() && a.Action == "Exported")
            .OrderBy(a => a.Id).Select(a => new { a.UserId, a.Fields }).ToListAsync());
        Assert.Equal([(_admin.Id, ExportCandidate.FullScope), (Recruiter.Id, ExportCandidate.TeamScope)],
            audit.Select(a => (a.UserId!.Value, Assert.Single(a.Fields))).ToArray());
    }

    [Fact]
    public async Task Should_refuse_the_export_to_an_interviewer_and_to_someone_off_every_team()
    {
        var outsider = await App.CreateUserAsync("Outside Recruiter", Roles.Recruiter);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ExportCandidate.Command { CandidateId = _candidate }, outsider));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new ExportCandidate.Command { CandidateId = _candidate }, Interviewer));
    }
}
