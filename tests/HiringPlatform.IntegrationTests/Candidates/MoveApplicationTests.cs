using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class MoveApplicationTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    [Fact]
    public async Task Should_move_an_application_and_add_a_timeline_event()
    {
        var (candidateId, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        var screen = Posting.Stage("Recruiter screen");
        App.Clock.Advance(TimeSpan.FromDays(2));

        var result = await App.SendAsync(new MoveApplication.Command
        {
            ApplicationId = applicationId, ToStageId = screen.Id, Version = await VersionOf(applicationId),
        }, Recruiter);

        Assert.Equal("Recruiter screen", result.StageName);
        var application = await App.FindAsync<JobApplication>(applicationId);
        Assert.Equal(screen.Id, application!.StageId);
        Assert.Equal(App.Clock.GetUtcNow().Date, application.StageEnteredAt.UtcDateTime.Date);
        var events = await App.QueryAsync(db => db.ActivityEvents.Where(e => e.CandidateId == candidateId && e.Kind == ActivityKind.Moved).ToListAsync());
        Assert.Contains("Application review to Recruiter screen", Assert.Single(events).Summary);
    }

    [Fact]
    public async Task Should_refuse_the_second_of_two_moves_made_from_the_same_version_and_keep_the_first()
    {
        var (_, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        var seen = await VersionOf(applicationId);
        await App.SendAsync(new MoveApplication.Command { ApplicationId = applicationId, ToStageId = Posting.Stage("Recruiter screen").Id, Version = seen }, Recruiter);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => App.SendAsync(new MoveApplication.Command
        {
            ApplicationId = applicationId, ToStageId = Posting.Stage("Coding exercise").Id, Version = seen,
        }, Manager));

        Assert.Contains("it is now in Recruiter screen", conflict.Message);
        Assert.Equal(Posting.Stage("Recruiter screen").Id, (await App.FindAsync<JobApplication>(applicationId))!.StageId);
        Assert.Equal(1, await App.QueryAsync(db => db.ActivityEvents.CountAsync(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.Moved)));
    }

    [Fact]
    public async Task Should_refuse_a_stage_of_another_posting_and_a_move_of_a_closed_application()
    {
        var other = await App.CreatePostingAsync(Recruiter, Manager);
        var (_, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        var version = await VersionOf(applicationId);
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new MoveApplication.Command
        {
            ApplicationId = applicationId, ToStageId = other.Stage("Recruiter screen").Id, Version = version,
        }, Recruiter));
        Assert.Contains(nameof(MoveApplication.Command.ToStageId), invalid.Errors.Keys);

        await App.SendAsync(new WithdrawApplication.Command { ApplicationId = applicationId, Version = version }, Recruiter);
        var withdrawn = await VersionOf(applicationId);
        var closed = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new MoveApplication.Command
        {
            ApplicationId = applicationId, ToStageId = Posting.Stage("Recruiter screen").Id, Version = withdrawn,
        }, Recruiter));
        Assert.Contains("withdrawn", closed.Message);
    }

    [Fact]
    public async Task Should_not_let_someone_off_the_team_move_a_card()
    {
        var outsider = await App.CreateUserAsync("Outside Recruiter", Application.Domain.Users.Roles.Recruiter);
        var (_, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new MoveApplication.Command
        {
            ApplicationId = applicationId, ToStageId = Posting.Stage("Recruiter screen").Id, Version = 0,
        }, outsider));
    }

    [Fact]
    public async Task Should_move_several_and_skip_those_that_changed_meanwhile()
    {
        var (_, a) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        var (_, b) = await App.CreateApplicantAsync(Posting, "Alan Turing");
        var (_, c) = await App.CreateApplicantAsync(Posting, "Grace Hopper");
        var selection = new[] { $"{a}:{await VersionOf(a)}", $"{b}:{await VersionOf(b)}", $"{c}:{await VersionOf(c)}" };
        // Someone else moves Grace first.
        await App.SendAsync(new MoveApplication.Command { ApplicationId = c, ToStageId = Posting.Stage("Coding exercise").Id, Version = await VersionOf(c) }, Manager);

        var result = await App.SendAsync(new BulkMoveApplications.Command
        {
            PostingId = Posting.Id, Selected = selection, ToStageId = Posting.Stage("Recruiter screen").Id,
        }, Recruiter);

        Assert.Equal(2, result.Moved);
        Assert.Contains("Grace Hopper changed meanwhile (now in Coding exercise)", Assert.Single(result.Skipped));
        Assert.Equal(Posting.Stage("Coding exercise").Id, (await App.FindAsync<JobApplication>(c))!.StageId);
        Assert.Equal(Posting.Stage("Recruiter screen").Id, (await App.FindAsync<JobApplication>(a))!.StageId);
    }
}
