using System.Text.RegularExpressions;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Careers;

public sealed partial class MyApplicationTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [GeneratedRegex("/careers/my-application/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    private async Task<(Guid ApplicationId, string Token)> ApplyAsync()
    {
        var recruiter = await App.CreateUserAsync("Status Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Status Manager", Roles.HiringManager);
        var posting = await App.CreatePostingAsync(recruiter, manager);
        var result = await App.SendAsync(await App.ApplicationAsync(posting.Id, "Sofia Almeida", "sofia@example.com"), null);
        var body = await App.WithDbAsync(db => db.OutboxEmails.Select(e => e.TextBody).SingleAsync());
        return (result.ApplicationId!.Value, LinkPattern().Match(body).Groups[1].Value);
    }

    [Fact]
    public async Task Should_show_the_candidate_their_application_in_progress_through_the_emailed_link()
    {
        var (_, token) = await ApplyAsync();

        var model = await App.SendAsync(new GetMyApplication.Query(token), null);

        Assert.NotNull(model);
        Assert.Equal(("Senior Backend Engineer", "Sofia", CandidateFacingStatus.InProgress, true),
            (model.PostingTitle, model.FirstName, model.Status, model.CanWithdraw));
    }

    [Fact]
    public async Task Should_show_a_rejected_application_only_as_closed()
    {
        var (applicationId, token) = await ApplyAsync();
        await App.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            application.Reject(RejectionReason.Other, null, "Internal note the candidate must never see", App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });

        var model = await App.SendAsync(new GetMyApplication.Query(token), null);

        Assert.Equal(CandidateFacingStatus.Closed, model!.Status);
        Assert.False(model.CanWithdraw);
    }

    [Fact]
    public async Task Should_withdraw_the_application_with_a_timeline_entry_and_a_confirmation_email()
    {
        var (applicationId, token) = await ApplyAsync();

        await App.SendAsync(new WithdrawMyApplication.Command(token), null);

        var application = (await App.FindAsync<JobApplication>(applicationId))!;
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.NotNull(application.ClosedAt);
        var candidate = (await App.FindAsync<Candidate>(application.CandidateId))!;
        Assert.Equal(application.ClosedAt, candidate.LastApplicationClosedAt);
        Assert.True(await App.WithDbAsync(db => db.ActivityEvents.AnyAsync(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.Withdrawn)));
        Assert.Equal(2, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));
        Assert.Equal(CandidateFacingStatus.Withdrawn, (await App.SendAsync(new GetMyApplication.Query(token), null))!.Status);

        var again = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new WithdrawMyApplication.Command(token), null));
        Assert.StartsWith("This application is already closed", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_tampered_or_expired_link()
    {
        var (applicationId, token) = await ApplyAsync();

        Assert.Null(await App.SendAsync(new GetMyApplication.Query(token[..^3] + "abc"), null));
        Assert.Null(await App.SendAsync(new GetMyApplication.Query(applicationId.ToString("N")), null));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new WithdrawMyApplication.Command("nonsense"), null));

        App.Clock.Advance(TimeSpan.FromDays(181));
        Assert.Null(await App.SendAsync(new GetMyApplication.Query(token), null));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new WithdrawMyApplication.Command(token), null));
        Assert.Equal(ApplicationStatus.Active, (await App.FindAsync<JobApplication>(applicationId))!.Status);
    }
}
