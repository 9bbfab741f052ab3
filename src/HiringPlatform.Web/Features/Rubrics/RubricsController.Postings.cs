using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Rubrics;

// ---- A posting's rubric (its hiring manager edits, its recruiters read) and interview plan (both edit).
public sealed partial class RubricsController
{
    [HttpGet("/postings/{postingId:guid}/rubric")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> Rubric(GetRubric.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpGet("/postings/{postingId:guid}/rubric/edit")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> EditRubric(EditRubric.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpPost("/postings/{postingId:guid}/rubric/edit")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> EditRubric(EditRubric.Command command, CancellationToken ct)
    {
        EditRubric.Model result;
        try
        {
            result = await sender.Send(command, ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            return await ConflictAsync(ex, () => sender.Send(new EditRubric.Query { PostingId = command.PostingId }, ct));
        }
        TempData["Flash"] = result.RemovedFromStages.Count == 0
            ? "The rubric was saved."
            : $"The rubric was saved. Competencies you removed were also taken out of the focus of: {string.Join(", ", result.RemovedFromStages)}.";
        return RedirectToAction(nameof(Rubric), new { postingId = command.PostingId });
    }

    [HttpGet("/postings/{postingId:guid}/plan")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> Plan(GetInterviewPlan.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpGet("/postings/{postingId:guid}/plan/stages/new")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> AddStage(AddStage.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpPost("/postings/{postingId:guid}/plan/stages/new")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> AddStage(AddStage.Command command, CancellationToken ct)
    {
        var stageId = await sender.Send(command, ct);
        TempData["Flash"] = $"\"{command.Name.Trim()}\" was added to the plan.";
        return Redirect(Url.Action(nameof(Plan), new { postingId = command.PostingId }) + $"#stage-{stageId}");
    }

    [HttpGet("/postings/{postingId:guid}/plan/stages/{stageId:guid}/edit")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> EditStage(EditStage.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpPost("/postings/{postingId:guid}/plan/stages/{stageId:guid}/edit")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> EditStage(EditStage.Command command, CancellationToken ct)
    {
        try
        {
            await sender.Send(command, ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            return await ConflictAsync(ex, () => sender.Send(new EditStage.Query { PostingId = command.PostingId, StageId = command.StageId }, ct));
        }
        TempData["Flash"] = $"\"{command.Name.Trim()}\" was saved.";
        return Redirect(Url.Action(nameof(Plan), new { postingId = command.PostingId }) + $"#stage-{command.StageId}");
    }

    // Plain forms, so reordering works without JavaScript.
    [HttpPost("/postings/{postingId:guid}/plan/stages/{stageId:guid}/move")]
    [Authorize(Policy = Policies.HiringTeam)]
    [ComposedForm]
    public async Task<IActionResult> MoveStage(MoveStage.Command command, CancellationToken ct)
    {
        var (ok, name) = await this.TrySendFor(sender, command, ct);
        if (!ok) return await PlanPageAsync(command.PostingId, command.StageId, ct);
        TempData["Flash"] = $"\"{name}\" moved {(command.To == Application.Features.Rubrics.MoveStage.Direction.Up ? "up" : "down")}.";
        return Redirect(Url.Action(nameof(Plan), new { postingId = command.PostingId }) + $"#stage-{command.StageId}");
    }

    [HttpPost("/postings/{postingId:guid}/plan/stages/{stageId:guid}/remove")]
    [Authorize(Policy = Policies.HiringTeam)]
    [ComposedForm]
    public async Task<IActionResult> RemoveStage(RemoveStage.Command command, CancellationToken ct)
    {
        var (ok, name) = await this.TrySendFor(sender, command, ct);
        if (!ok) return await PlanPageAsync(command.PostingId, command.StageId, ct);
        TempData["Flash"] = $"\"{name}\" was removed from the plan.";
        return RedirectToAction(nameof(Plan), new { postingId = command.PostingId });
    }

    // Re-renders the plan with the refused action's message beside the stage it concerned.
    private async Task<IActionResult> PlanPageAsync(Guid postingId, Guid stageId, CancellationToken ct)
    {
        var model = await sender.Send(new GetInterviewPlan.Query { PostingId = postingId }, ct);
        ViewData["ProblemStageId"] = stageId;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Plan), model);
    }

    // ---- The interview kit: the interview's interviewers, the posting's hiring team and admins.

    [HttpGet("/interviews/{interviewId:guid}/kit")]
    [Authorize(Policy = Policies.Interviewer)]
    public async Task<IActionResult> Kit(GetInterviewKit.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));
}
