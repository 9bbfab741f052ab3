using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Candidates;

// The pipeline board and the actions on applications. One-click actions (move, withdraw, reopen) that fail go back
// where they came from with the reason, so the user sees the application's current state at once.
[Authorize(Policy = Policies.HiringTeam)]
public sealed class PipelineController(ISender sender) : Controller
{
    [HttpGet("/postings/{postingId:guid}/board")]
    public async Task<IActionResult> Board(Guid postingId, GetBoard.Query query, CancellationToken ct) =>
        View(new BoardPage(await sender.Send(query with { PostingId = postingId }, ct)));

    [HttpPost("/applications/{id:guid}/move")]
    [ComposedForm]
    public Task<IActionResult> Move(Guid id, MoveApplication.Command command, Guid postingId, string? returnUrl, CancellationToken ct)
    {
        var back = this.LocalOr(returnUrl, $"/postings/{postingId}/board");
        return this.SendAndReturnAsync(sender, command with { ApplicationId = id },
            moved => ($"{moved.CandidateName} moved to {moved.StageName}.", back), back, ct);
    }

    [HttpPost("/applications/{id:guid}/withdraw")]
    [ComposedForm]
    public Task<IActionResult> Withdraw(Guid id, WithdrawApplication.Command command, string? returnUrl, CancellationToken ct) =>
        this.SendAndReturnAsync(sender, command with { ApplicationId = id },
            done => ($"{done.CandidateName}'s application was withdrawn.", this.LocalOr(returnUrl, $"/candidates/{done.CandidateId}")),
            this.LocalOr(returnUrl, "/candidates"), ct);

    [HttpPost("/applications/{id:guid}/reopen")]
    [ComposedForm]
    public Task<IActionResult> Reopen(Guid id, ReopenApplication.Command command, string? returnUrl, CancellationToken ct) =>
        this.SendAndReturnAsync(sender, command with { ApplicationId = id },
            done => ($"{done.CandidateName}'s application was reopened in {done.StageName}.", this.LocalOr(returnUrl, $"/postings/{done.PostingId}/board")),
            this.LocalOr(returnUrl, "/candidates"), ct);

    [HttpGet("/applications/{id:guid}/reject")]
    public async Task<IActionResult> Reject(Guid id, CancellationToken ct) =>
        View(await sender.Send(new RejectApplication.Query { ApplicationId = id }, ct));

    [HttpPost("/applications/{id:guid}/reject")]
    public async Task<IActionResult> Reject(Guid id, RejectApplication.Command command, string? returnUrl, CancellationToken ct)
    {
        var result = await sender.Send(command with { ApplicationId = id }, ct);
        return this.Done($"{result.CandidateName} was rejected.", Redirect(this.LocalOr(returnUrl, $"/postings/{result.PostingId}/board")));
    }

    [HttpPost("/postings/{postingId:guid}/board/move")]
    [ComposedForm]
    public Task<IActionResult> BulkMove(Guid postingId, BulkMoveApplications.Command command, string? returnUrl, CancellationToken ct) =>
        this.SendFormAsync(sender, command with { PostingId = postingId },
            done => this.Done($"{Plural(done.Moved)} moved to {done.StageName}." + Skipped(done.Skipped), Redirect(this.LocalOr(returnUrl, $"/postings/{postingId}/board"))),
            () => BoardAgain(postingId, command.Selected, null, ct), ct);

    [HttpPost("/postings/{postingId:guid}/board/reject")]
    [ComposedForm]
    public Task<IActionResult> BulkReject(Guid postingId, BulkRejectApplications.Command command, string? returnUrl, CancellationToken ct) =>
        this.SendFormAsync(sender, command with { PostingId = postingId },
            done => this.Done($"{Plural(done.Rejected)} rejected." + Skipped(done.Skipped), Redirect(this.LocalOr(returnUrl, $"/postings/{postingId}/board"))),
            () => BoardAgain(postingId, command.Selected, command, ct), ct);

    // The board again, with the bulk form's errors and what was posted.
    private async Task<IActionResult> BoardAgain(Guid postingId, IReadOnlyList<string> selected, BulkRejectApplications.Command? reject, CancellationToken ct) =>
        View(nameof(Board), new BoardPage(await sender.Send(new GetBoard.Query { PostingId = postingId }, ct), selected, reject));

    private static string Plural(int n) => n == 1 ? "1 candidate" : $"{n} candidates";

    private static string Skipped(IReadOnlyList<string> skipped) =>
        skipped.Count == 0 ? "" : $" Skipped {skipped.Count}: {string.Join("; ", skipped)}.";
}

// The board with, after a refused bulk action, what was selected and the rejection form as posted.
public sealed record BoardPage(GetBoard.Model Board, IReadOnlyList<string>? Selected = null, BulkRejectApplications.Command? BulkReject = null);
