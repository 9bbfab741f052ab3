using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Candidates;

// The pipeline board and the actions on applications. One-click actions (move, withdraw, reopen) that fail go back
// where they came from with the reason, so the user sees the application's current state at once.
public sealed partial class CandidatesController
{
    [Authorize(Policy = Policies.HiringTeam)]
    [HttpGet("/postings/{postingId:guid}/board")]
    public async Task<IActionResult> Board(Guid postingId, GetBoard.Query query, CancellationToken ct) =>
        View("Board", await sender.Send(query with { PostingId = postingId }, ct));

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/applications/{id:guid}/move")]
    [ComposedForm]
    public async Task<IActionResult> Move(Guid id, MoveApplication.Command command, Guid postingId, string? returnUrl, CancellationToken ct)
    {
        var back = SafeReturnUrl(returnUrl, $"/postings/{postingId}/board");
        var (ok, result) = await this.TrySendFor(sender, command with { ApplicationId = id }, ct);
        if (ok) TempData["Flash"] = $"{result!.CandidateName} moved to {result.StageName}.";
        else TempData["Error"] = FirstError();
        return Redirect(back);
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/applications/{id:guid}/withdraw")]
    [ComposedForm]
    public async Task<IActionResult> Withdraw(Guid id, WithdrawApplication.Command command, string? returnUrl, CancellationToken ct)
    {
        var (ok, result) = await this.TrySendFor(sender, command with { ApplicationId = id }, ct);
        if (ok) TempData["Flash"] = $"{result!.CandidateName}'s application was withdrawn.";
        else TempData["Error"] = FirstError();
        return Redirect(SafeReturnUrl(returnUrl, ok ? $"/candidates/{result!.CandidateId}" : "/candidates"));
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/applications/{id:guid}/reopen")]
    [ComposedForm]
    public async Task<IActionResult> Reopen(Guid id, ReopenApplication.Command command, string? returnUrl, CancellationToken ct)
    {
        var (ok, result) = await this.TrySendFor(sender, command with { ApplicationId = id }, ct);
        if (ok) TempData["Flash"] = $"{result!.CandidateName}'s application was reopened in {result.StageName}.";
        else TempData["Error"] = FirstError();
        return Redirect(SafeReturnUrl(returnUrl, ok ? $"/postings/{result!.PostingId}/board" : "/candidates"));
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpGet("/applications/{id:guid}/reject")]
    public async Task<IActionResult> Reject(Guid id, CancellationToken ct) =>
        View(await sender.Send(new RejectApplication.Query { ApplicationId = id }, ct));

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/applications/{id:guid}/reject")]
    public async Task<IActionResult> Reject(Guid id, RejectApplication.Command command, string? returnUrl, CancellationToken ct)
    {
        var result = await sender.Send(command with { ApplicationId = id }, ct);
        TempData["Flash"] = $"{result.CandidateName} was rejected.";
        return Redirect(SafeReturnUrl(returnUrl, $"/postings/{result.PostingId}/board"));
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/postings/{postingId:guid}/board/move")]
    [ComposedForm]
    public async Task<IActionResult> BulkMove(Guid postingId, BulkMoveApplications.Command command, string? returnUrl, CancellationToken ct)
    {
        var (ok, result) = await this.TrySendFor(sender, command with { PostingId = postingId }, ct);
        if (!ok) return await BoardView(postingId, command.Selected, null, ct);
        TempData["Flash"] = $"{Plural(result!.Moved)} moved to {result.StageName}." + Skipped(result.Skipped);
        return Redirect(SafeReturnUrl(returnUrl, $"/postings/{postingId}/board"));
    }

    [Authorize(Policy = Policies.HiringTeam)]
    [HttpPost("/postings/{postingId:guid}/board/reject")]
    [ComposedForm]
    public async Task<IActionResult> BulkReject(Guid postingId, BulkRejectApplications.Command command, string? returnUrl, CancellationToken ct)
    {
        var (ok, result) = await this.TrySendFor(sender, command with { PostingId = postingId }, ct);
        if (!ok) return await BoardView(postingId, command.Selected, command, ct);
        TempData["Flash"] = $"{Plural(result!.Rejected)} rejected." + Skipped(result.Skipped);
        return Redirect(SafeReturnUrl(returnUrl, $"/postings/{postingId}/board"));
    }

    // The board again, with the bulk form's errors and what was posted.
    private async Task<IActionResult> BoardView(Guid postingId, IReadOnlyList<string> selected, BulkRejectApplications.Command? reject, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        ViewData["Selected"] = selected;
        ViewData["BulkReject"] = reject;
        return View("Board", await sender.Send(new GetBoard.Query { PostingId = postingId }, ct));
    }

    private string FirstError() =>
        ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? "That did not work; please try again.";

    private static string Plural(int n) => n == 1 ? "1 candidate" : $"{n} candidates";

    private static string Skipped(IReadOnlyList<string> skipped) =>
        skipped.Count == 0 ? "" : $" Skipped {skipped.Count}: {string.Join("; ", skipped)}.";
}
