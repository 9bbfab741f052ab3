using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class BoardTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    [Fact]
    public async Task Should_show_a_column_per_stage_with_counts_and_cards()
    {
        await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        await App.CreateApplicantAsync(Posting, "Alan Turing", "Recruiter screen");
        var (_, grace) = await App.CreateApplicantAsync(Posting, "Grace Hopper", "Recruiter screen");
        await App.CreateInterviewAsync(grace, [Interviewer]);

        var board = await App.SendAsync(new GetBoard.Query { PostingId = Posting.Id }, Recruiter);

        Assert.Equal(Posting.Stages.Count, board.Columns.Count);
        Assert.Equal(1, board.Columns[0].Count);
        Assert.Equal(2, board.Columns[1].Count);
        Assert.Equal(["Alan Turing", "Grace Hopper"], board.Columns[1].Cards.Select(c => c.Name));
        Assert.Equal(GetBoard.FeedbackState.Scheduled, board.Columns[1].Cards.Single(c => c.Name == "Grace Hopper").Feedback);
        Assert.Equal(3, board.StatusCounts[ApplicationStatus.Active]);
    }

    [Fact]
    public async Task Should_page_a_long_column_with_a_keyset_cursor()
    {
        for (var i = 0; i < GetBoard.PageSize + 5; i++)
        {
            await App.CreateApplicantAsync(Posting, $"Applicant {i:00}");
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var first = await App.SendAsync(new GetBoard.Query { PostingId = Posting.Id }, Recruiter);
        var column = first.Columns[0];
        Assert.Equal(GetBoard.PageSize + 5, column.Count);
        Assert.Equal(GetBoard.PageSize, column.Cards.Count);
        Assert.NotNull(column.NextCursor);

        var second = await App.SendAsync(new GetBoard.Query { PostingId = Posting.Id, Stage = column.StageId, After = column.NextCursor }, Recruiter);
        Assert.Equal(Enumerable.Range(GetBoard.PageSize, 5).Select(i => $"Applicant {i:00}"), second.Columns[0].Cards.Select(c => c.Name));
        Assert.Null(second.Columns[0].NextCursor);
    }

    [Fact]
    public async Task Should_filter_by_source_tag_and_days_in_stage()
    {
        var old = await App.CreateCandidateAsync("Old Timer", configure: c => c.AddTag("golang"));
        await App.CreateApplicationAsync(Posting, old, source: CandidateSource.Referral);
        App.Clock.Advance(TimeSpan.FromDays(10));
        await App.CreateApplicantAsync(Posting, "New Comer");

        var byTag = await App.SendAsync(new GetBoard.Query { PostingId = Posting.Id, Tag = "GoLang" }, Recruiter);
        Assert.Equal(["Old Timer"], byTag.Columns[0].Cards.Select(c => c.Name));
        Assert.Equal(1, byTag.Columns[0].Count);
        var bySource = await App.SendAsync(new GetBoard.Query { PostingId = Posting.Id, Source = CandidateSource.CareersSite }, Recruiter);
        Assert.Equal(["New Comer"], bySource.Columns[0].Cards.Select(c => c.Name));
        var byDays = await App.SendAsync(new GetBoard.Query { PostingId = Posting.Id, Days = 7 }, Recruiter);
        Assert.Equal(["Old Timer"], byDays.Columns[0].Cards.Select(c => c.Name));
        Assert.Equal(10, byDays.Columns[0].Cards[0].DaysInStage);
    }

    [Fact]
    public async Task Should_not_show_the_board_to_someone_off_the_team()
    {
        var outsider = await App.CreateUserAsync("Other Recruiter", Application.Domain.Users.Roles.Recruiter);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetBoard.Query { PostingId = Posting.Id }, outsider));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new GetBoard.Query { PostingId = Posting.Id }, Interviewer));
    }
}
