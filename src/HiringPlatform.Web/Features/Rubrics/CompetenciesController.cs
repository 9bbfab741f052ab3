using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Rubrics;

// The competency library: recruiters and hiring managers read, admins edit.
[Authorize(Policy = Policies.HiringTeam)]
public sealed class CompetenciesController(ISender sender) : Controller
{
    [HttpGet("/competencies")]
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
        return this.Done($"\"{command.Name.Trim()}\" was added to the library.", RedirectToAction(nameof(Competency), new { id }));
    }

    [HttpGet("/competencies/{id:guid}")]
    public async Task<IActionResult> Competency(GetCompetency.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpGet("/competencies/{id:guid}/edit")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> EditCompetency(EditCompetency.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpPost("/competencies/{id:guid}/edit")]
    [Authorize(Policy = Policies.Admin)]
    public Task<IActionResult> EditCompetency(EditCompetency.Command command, CancellationToken ct) =>
        this.SendEditAsync(sender, command, result => this.Done(result switch
        {
            { Changed: false } => "Nothing changed.",
            { NewVersion: true } => $"Saved as version {result.VersionNumber}. Scorecards already submitted keep the wording of version {result.VersionNumber - 1}.",
            _ => $"Saved. No submitted scorecard used this wording yet, so version {result.VersionNumber} was updated in place.",
        }, RedirectToAction(nameof(Competency), new { id = command.Id })), () => sender.Send(new EditCompetency.Query { Id = command.Id }, ct), ct);

    [HttpPost("/competencies/{id:guid}/retire")]
    [Authorize(Policy = Policies.Admin)]
    [ComposedForm]
    public Task<IActionResult> RetireCompetency(RetireCompetency.Command command, CancellationToken ct) =>
        OnCompetencyPage(command, command.Id, name => $"\"{name}\" is retired: it stays in existing rubrics and scorecards but can no longer be added.",
            RedirectToAction(nameof(Competency), new { id = command.Id }), ct);

    [HttpPost("/competencies/{id:guid}/restore")]
    [Authorize(Policy = Policies.Admin)]
    [ComposedForm]
    public Task<IActionResult> RestoreCompetency(RestoreCompetency.Command command, CancellationToken ct) =>
        OnCompetencyPage(command, command.Id, name => $"\"{name}\" is back in the library.", RedirectToAction(nameof(Competency), new { id = command.Id }), ct);

    [HttpPost("/competencies/{id:guid}/delete")]
    [Authorize(Policy = Policies.Admin)]
    [ComposedForm]
    public Task<IActionResult> DeleteCompetency(DeleteCompetency.Command command, CancellationToken ct) =>
        OnCompetencyPage(command, command.Id, name => $"\"{name}\" was deleted.", RedirectToAction(nameof(Competencies)), ct);

    // The retire/restore/delete buttons sit on the competency's page: a refusal shows that page with the reason.
    private Task<IActionResult> OnCompetencyPage(ICommand<string> command, Guid id, Func<string, string> flash, IActionResult next, CancellationToken ct) =>
        this.SendFormAsync(sender, command, name => this.Done(flash(name), next),
            async () => View(nameof(Competency), await sender.Send(new GetCompetency.Query { Id = id }, ct)), ct);
}
