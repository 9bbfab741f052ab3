using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Rubrics;

// The competency library, the question bank, each posting's rubric and interview plan, and the interview kit.
// Split over partial files by page group; views live in Features/Rubrics.
[Authorize(Policy = Policies.Staff)]
public sealed partial class RubricsController(ISender sender) : Controller
{
    // ---- Competency library: recruiters and hiring managers read, admins edit.

    [HttpGet("/competencies")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> Competencies(ListCompetencies.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpGet("/competencies/new")]
    [Authorize(Policy = Policies.Admin)]
    public IActionResult NewCompetency() => View(new CreateCompetency.Command());

    [HttpPost("/competencies/new")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> NewCompetency(CreateCompetency.Command command, CancellationToken ct)
    {
        var id = await sender.Send(command, ct);
        TempData["Flash"] = $"\"{command.Name.Trim()}\" was added to the library.";
        return RedirectToAction(nameof(Competency), new { id });
    }

    [HttpGet("/competencies/{id:guid}")]
    [Authorize(Policy = Policies.HiringTeam)]
    public async Task<IActionResult> Competency(GetCompetency.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpGet("/competencies/{id:guid}/edit")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> EditCompetency(EditCompetency.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpPost("/competencies/{id:guid}/edit")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> EditCompetency(EditCompetency.Command command, CancellationToken ct)
    {
        EditCompetency.Model result;
        try
        {
            result = await sender.Send(command, ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            return await ConflictAsync(ex, () => sender.Send(new EditCompetency.Query { Id = command.Id }, ct));
        }
        TempData["Flash"] = result switch
        {
            { Changed: false } => "Nothing changed.",
            { NewVersion: true } => $"Saved as version {result.VersionNumber}. Scorecards already submitted keep the wording of version {result.VersionNumber - 1}.",
            _ => $"Saved. No submitted scorecard used this wording yet, so version {result.VersionNumber} was updated in place.",
        };
        return RedirectToAction(nameof(Competency), new { id = command.Id });
    }

    [HttpPost("/competencies/{id:guid}/retire")]
    [Authorize(Policy = Policies.Admin)]
    [ComposedForm]
    public Task<IActionResult> RetireCompetency(RetireCompetency.Command command, CancellationToken ct) =>
        CompetencyActionAsync(command, command.Id, name => $"\"{name}\" is retired: it stays in existing rubrics and scorecards but can no longer be added.", ct);

    [HttpPost("/competencies/{id:guid}/restore")]
    [Authorize(Policy = Policies.Admin)]
    [ComposedForm]
    public Task<IActionResult> RestoreCompetency(RestoreCompetency.Command command, CancellationToken ct) =>
        CompetencyActionAsync(command, command.Id, name => $"\"{name}\" is back in the library.", ct);

    [HttpPost("/competencies/{id:guid}/delete")]
    [Authorize(Policy = Policies.Admin)]
    [ComposedForm]
    public async Task<IActionResult> DeleteCompetency(DeleteCompetency.Command command, CancellationToken ct)
    {
        var (ok, name) = await this.TrySendFor(sender, command, ct);
        if (!ok) return await CompetencyPageAsync(command.Id, ct);
        TempData["Flash"] = $"\"{name}\" was deleted.";
        return RedirectToAction(nameof(Competencies));
    }

    private async Task<IActionResult> CompetencyActionAsync(ICommand<string> command, Guid id, Func<string, string> flash, CancellationToken ct)
    {
        var (ok, name) = await this.TrySendFor(sender, command, ct);
        if (!ok) return await CompetencyPageAsync(id, ct);
        TempData["Flash"] = flash(name!);
        return RedirectToAction(nameof(Competency), new { id });
    }

    private async Task<IActionResult> CompetencyPageAsync(Guid id, CancellationToken ct)
    {
        var model = await sender.Send(new GetCompetency.Query { Id = id }, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Competency), model);
    }

    // Someone saved first: show the current version with a message rather than the stale form.
    private async Task<IActionResult> ConflictAsync<T>(ConcurrencyConflictException ex, Func<ValueTask<T>> reload)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, ex.Message);
        var model = await reload();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(model);
    }
}
