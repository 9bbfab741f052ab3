using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Rubrics;

// A posting's rubric (its hiring manager edits, its recruiters read), its interview plan (both edit) and the
// interview kit built from them (the interview's interviewers, the posting's hiring team and admins).
// The class admits interviewers for the kit; every other action narrows to the hiring team.
[Authorize(Policy = Policies.Interviewer)]
public sealed class PlansController(ISender sender) : Controller
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
    public Task<IActionResult> EditRubric(EditRubric.Command command, CancellationToken ct) =>
        this.SendEditAsync(sender, command, result => this.Done(result.RemovedFromStages.Count == 0
                ? "The rubric was saved."
                : $"The rubric was saved. Competencies you removed were also taken out of the focus of: {string.Join(", ", result.RemovedFromStages)}.",
                RedirectToAction(nameof(Rubric), new { postingId = command.PostingId })),
            () => sender.Send(new EditRubric.Query { PostingId = command.PostingId }, ct), ct);

    [HttpGet("/postings/{postingId:guid}/plan")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> Plan(GetInterviewPlan.Query query, CancellationToken ct) =>
        View(new PlanPage(await sender.Send(query, ct), null));

    [HttpGet("/postings/{postingId:guid}/plan/stages/new")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> AddStage(AddStage.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpPost("/postings/{postingId:guid}/plan/stages/new")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> AddStage(AddStage.Command command, CancellationToken ct)
    {
        var stageId = await sender.Send(command, ct);
        return this.Done($"\"{command.Name.Trim()}\" was added to the plan.", Redirect(PlanUrl(command.PostingId, stageId)));
    }

    [HttpGet("/postings/{postingId:guid}/plan/stages/{stageId:guid}/edit")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> EditStage(EditStage.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpPost("/postings/{postingId:guid}/plan/stages/{stageId:guid}/edit")]
    [Authorize(Policy = Policies.HiringTeam)]
    public Task<IActionResult> EditStage(EditStage.Command command, CancellationToken ct) =>
        this.SendEditAsync(sender, command, _ => this.Done($"\"{command.Name.Trim()}\" was saved.", Redirect(PlanUrl(command.PostingId, command.StageId))),
            () => sender.Send(new EditStage.Query { PostingId = command.PostingId, StageId = command.StageId }, ct), ct);

    // Plain forms, so reordering works without JavaScript.
    [HttpPost("/postings/{postingId:guid}/plan/stages/{stageId:guid}/move")]
    [Authorize(Policy = Policies.HiringTeam)]
    [ComposedForm]
    public Task<IActionResult> MoveStage(MoveStage.Command command, CancellationToken ct) =>
        this.SendFormAsync(sender, command,
            name => this.Done($"\"{name}\" moved {(command.To == Application.Features.Rubrics.MoveStage.Direction.Up ? "up" : "down")}.", Redirect(PlanUrl(command.PostingId, command.StageId))),
            () => PlanAgain(command.PostingId, command.StageId, ct), ct);

    [HttpPost("/postings/{postingId:guid}/plan/stages/{stageId:guid}/remove")]
    [Authorize(Policy = Policies.HiringTeam)]
    [ComposedForm]
    public Task<IActionResult> RemoveStage(RemoveStage.Command command, CancellationToken ct) =>
        this.SendFormAsync(sender, command,
            name => this.Done($"\"{name}\" was removed from the plan.", RedirectToAction(nameof(Plan), new { postingId = command.PostingId })),
            () => PlanAgain(command.PostingId, command.StageId, ct), ct);

    [HttpGet("/interviews/{interviewId:guid}/kit")]
    [Authorize(Policy = Policies.Interviewer)]
    public async Task<IActionResult> Kit(GetInterviewKit.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    // The plan again, with the refused action's message beside the stage it concerned.
    private async Task<IActionResult> PlanAgain(Guid postingId, Guid stageId, CancellationToken ct) =>
        View(nameof(Plan), new PlanPage(await sender.Send(new GetInterviewPlan.Query { PostingId = postingId }, ct), stageId));

    private string PlanUrl(Guid postingId, Guid stageId) => Url.Action(nameof(Plan), new { postingId }) + $"#stage-{stageId}";
}

// The interview plan and, after a refused move or removal, the stage the message is about.
public sealed record PlanPage(GetInterviewPlan.Model Plan, Guid? ProblemStageId);
