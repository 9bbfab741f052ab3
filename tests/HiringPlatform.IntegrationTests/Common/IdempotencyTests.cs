using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Common;

// Commands that create things carry an idempotency key from their form (IdempotencyBehaviour): the same form
// sent twice, at once, or replayed by the execution strategy after a lost commit acknowledgement, runs once.
public sealed class IdempotencyTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    public override Task DisposeAsync()
    {
        LostCommitAcknowledgement.Instance.Disarm();
        return base.DisposeAsync();
    }

    private async Task<(TestUser Recruiter, Guid CandidateId)> CandidateAsync()
    {
        var recruiter = await App.CreateUserAsync("Key Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Key Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager);
        var (candidateId, _) = await App.CreateApplicantAsync(posting, "Keyed Candidate");
        return (recruiter, candidateId);
    }

    private Task<int> NotesAsync(Guid candidateId) => App.WithDbAsync(db => db.CandidateNotes.CountAsync(n => n.CandidateId == candidateId));

    [Fact]
    public async Task Should_add_one_note_when_the_same_form_is_sent_twice()
    {
        var (recruiter, candidateId) = await CandidateAsync();
        var command = new AddCandidateNote.Command { CandidateId = candidateId, Body = "Strong on systems.", IdempotencyKey = Guid.NewGuid() };

        var first = await App.SendAsync(command, recruiter);
        var second = await App.SendAsync(command, recruiter);

        Assert.Equal(first, second);
        Assert.Equal(1, await NotesAsync(candidateId));
        Assert.Equal(1, await App.WithDbAsync(db => db.ActivityEvents.CountAsync(e => e.CandidateId == candidateId && e.Kind == ActivityKind.NoteAdded)));
    }

    [Fact]
    public async Task Should_add_one_note_when_the_same_form_arrives_twice_at_once()
    {
        var (recruiter, candidateId) = await CandidateAsync();
        var command = new AddCandidateNote.Command { CandidateId = candidateId, Body = "Double click.", IdempotencyKey = Guid.NewGuid() };

        var ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => App.SendAsync(command, recruiter))));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, await NotesAsync(candidateId));
    }

    [Fact]
    public async Task Should_add_one_note_when_the_commit_acknowledgement_is_lost_and_the_command_replayed()
    {
        var (recruiter, candidateId) = await CandidateAsync();
        LostCommitAcknowledgement.Instance.Arm();

        var id = await App.SendAsync(new AddCandidateNote.Command { CandidateId = candidateId, Body = "Lost ack.", IdempotencyKey = Guid.NewGuid() }, recruiter);

        Assert.Equal(1, await NotesAsync(candidateId));
        Assert.Equal(id, await App.WithDbAsync(db => db.CandidateNotes.Where(n => n.CandidateId == candidateId).Select(n => n.Id).SingleAsync()));
    }

    // The hazard the key removes: the same replay without a key runs the command twice. (This also shows the
    // simulated lost acknowledgement really makes the execution strategy replay the command.)
    [Fact]
    public async Task Should_run_a_command_without_a_key_again_when_its_commit_acknowledgement_is_lost()
    {
        var (recruiter, candidateId) = await CandidateAsync();
        LostCommitAcknowledgement.Instance.Arm();

        await App.SendAsync(new AddCandidateNote.Command { CandidateId = candidateId, Body = "No key." }, recruiter);

        Assert.Equal(2, await NotesAsync(candidateId));
    }

    [Fact]
    public async Task Should_submit_a_scorecard_once_when_the_submit_is_replayed_after_a_lost_acknowledgement()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Scored Candidate");
        var interviewId = await App.CreatePastInterviewAsync(applicationId, [team.Alice]);
        var command = await App.ScorecardAsync(interviewId, team.Alice) with { IdempotencyKey = Guid.NewGuid() };
        LostCommitAcknowledgement.Instance.Arm();

        var first = await App.SendAsync(command, team.Alice);
        // And the person, not knowing, sends the form again.
        var again = await App.SendAsync(command, team.Alice);

        Assert.Equal(first, again);
        var scorecard = await App.WithDbAsync(db => db.Scorecards.AsNoTracking().SingleAsync(s => s.InterviewId == interviewId));
        Assert.Equal(ScorecardStatus.Submitted, scorecard.Status);
        Assert.Equal(1, await App.WithDbAsync(db => db.ActivityEvents.CountAsync(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.ScorecardSubmitted)));
    }

    [Fact]
    public async Task Should_apply_once_and_answer_applied_again_when_the_application_form_is_sent_twice()
    {
        var recruiter = await App.CreateUserAsync("Key Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Key Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager);
        var command = await App.ApplicationAsync(posting.Id, "Twice Sent", "twice@example.com") with { IdempotencyKey = Guid.NewGuid() };
        LostCommitAcknowledgement.Instance.Arm();

        var first = await App.SendAsync(command, null);
        var second = await App.SendAsync(command, null);

        Assert.Equal(ApplyToPosting.Outcome.Applied, first.Outcome);
        Assert.Equal(first, second);
        Assert.Equal(1, await App.WithDbAsync(db => db.Applications.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.To == "twice@example.com")));
    }

    [Fact]
    public async Task Should_refuse_a_key_already_used_by_another_person()
    {
        var (recruiter, candidateId) = await CandidateAsync();
        var other = await App.CreateUserAsync("Other Recruiter", Roles.Recruiter, Roles.Admin);
        var command = new AddCandidateNote.Command { CandidateId = candidateId, Body = "Mine.", IdempotencyKey = Guid.NewGuid() };
        await App.SendAsync(command, recruiter);

        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(command with { Body = "Theirs." }, other));

        Assert.Equal(1, await NotesAsync(candidateId));
    }
}
