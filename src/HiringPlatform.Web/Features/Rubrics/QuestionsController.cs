using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Rubrics;

// The question bank: recruiters, hiring managers and admins.
[Authorize(Policy = Policies.HiringTeam)]
public sealed class QuestionsController(ISender sender) : Controller
{
    [HttpGet("/questions")]
    public async Task<IActionResult> Questions(ListQuestions.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpGet("/questions/new")]
    public IActionResult NewQuestion(Guid? competencyId) =>
        View(new CreateQuestion.Command { CompetencyIds = competencyId is { } id ? [id] : [] });

    [HttpPost("/questions/new")]
    public async Task<IActionResult> NewQuestion(CreateQuestion.Command command, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return this.Done("The question was added to the bank.", RedirectToAction(nameof(Questions)));
    }

    [HttpGet("/questions/{id:guid}/edit")]
    public async Task<IActionResult> EditQuestion(EditQuestion.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpPost("/questions/{id:guid}/edit")]
    public Task<IActionResult> EditQuestion(EditQuestion.Command command, CancellationToken ct) =>
        this.SendEditAsync(sender, command,
            _ => this.Done("The question was saved. Interview kits that use it show the new wording.", RedirectToAction(nameof(Questions))),
            () => sender.Send(new EditQuestion.Query { Id = command.Id }, ct), ct);

    [HttpPost("/questions/{id:guid}/retire")]
    public async Task<IActionResult> RetireQuestion(Guid id, CancellationToken ct)
    {
        await sender.Send(new RetireQuestion.Command { Id = id, Retire = true }, ct);
        return this.Done("The question is retired: kits that already use it keep it, but it can no longer be picked.", RedirectToAction(nameof(Questions)));
    }

    [HttpPost("/questions/{id:guid}/restore")]
    public async Task<IActionResult> RestoreQuestion(Guid id, CancellationToken ct)
    {
        await sender.Send(new RetireQuestion.Command { Id = id, Retire = false }, ct);
        return this.Done("The question is back in the bank.", RedirectToAction(nameof(Questions), new { includeRetired = true }));
    }
}
