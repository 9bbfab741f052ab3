using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Rubrics;

// ---- Question bank: recruiters, hiring managers and admins.
public sealed partial class RubricsController
{
    [HttpGet("/questions")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> Questions(ListQuestions.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpGet("/questions/new")]
    [Authorize(Policy = Policies.HiringTeam)]
    public IActionResult NewQuestion(Guid? competencyId) =>
        View(new CreateQuestion.Command { CompetencyIds = competencyId is { } id ? [id] : [] });

    [HttpPost("/questions/new")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> NewQuestion(CreateQuestion.Command command, CancellationToken ct)
    {
        await sender.Send(command, ct);
        TempData["Flash"] = "The question was added to the bank.";
        return RedirectToAction(nameof(Questions));
    }

    [HttpGet("/questions/{id:guid}/edit")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> EditQuestion(EditQuestion.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpPost("/questions/{id:guid}/edit")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> EditQuestion(EditQuestion.Command command, CancellationToken ct)
    {
        try
        {
            await sender.Send(command, ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            return await ConflictAsync(ex, () => sender.Send(new EditQuestion.Query { Id = command.Id }, ct));
        }
        TempData["Flash"] = "The question was saved. Interview kits that use it show the new wording.";
        return RedirectToAction(nameof(Questions));
    }

    [HttpPost("/questions/{id:guid}/retire")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> RetireQuestion(Guid id, CancellationToken ct)
    {
        await sender.Send(new RetireQuestion.Command { Id = id, Retire = true }, ct);
        TempData["Flash"] = "The question is retired: kits that already use it keep it, but it can no longer be picked.";
        return RedirectToAction(nameof(Questions));
    }

    [HttpPost("/questions/{id:guid}/restore")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> RestoreQuestion(Guid id, CancellationToken ct)
    {
        await sender.Send(new RetireQuestion.Command { Id = id, Retire = false }, ct);
        TempData["Flash"] = "The question is back in the bank.";
        return RedirectToAction(nameof(Questions), new { includeRetired = true });
    }
}
