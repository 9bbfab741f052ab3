using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Decisions;

// Scoring, comparison, debrief decisions, calibration and offers: the hiring team's side of a candidate.
[Authorize(Policy = Policies.HiringTeam)]
public sealed class DecisionsController(ISender sender) : Controller
{
    private const string ManagersOnly = $"{Roles.HiringManager},{Roles.Admin}";

    [HttpGet("/applications/{id:guid}/score")]
    public async Task<IActionResult> Score(Guid id, CancellationToken ct) =>
        View(await sender.Send(new GetApplicationScore.Query { ApplicationId = id }, ct));

    [HttpGet("/postings/{id:guid}/compare")]
    public async Task<IActionResult> Compare(Guid id, Guid? stageId, decimal? afterScore, Guid? afterId, CancellationToken ct) =>
        View(await sender.Send(new ComparePostingCandidates.Query { PostingId = id, StageId = stageId, AfterScore = afterScore, AfterId = afterId }, ct));

    [Authorize(Roles = ManagersOnly)]
    [HttpGet("/postings/{id:guid}/calibration")]
    public async Task<IActionResult> Calibration(Guid id, CancellationToken ct) =>
        View(await sender.Send(new GetCalibration.Query { PostingId = id }, ct));

    [Authorize(Roles = ManagersOnly)]
    [HttpGet("/calibration")]
    public async Task<IActionResult> CalibrationOverall(CancellationToken ct) =>
        View(nameof(Calibration), await sender.Send(new GetCalibration.Query(), ct));

    [HttpGet("/applications/{id:guid}/decision")]
    public async Task<IActionResult> Decision(Guid id, CancellationToken ct) =>
        View(await sender.Send(new RecordDecision.Query { ApplicationId = id }, ct));

    [HttpPost("/applications/{id:guid}/decision"), ComposedForm]
    public async Task<IActionResult> Decision(Guid id, RecordDecision.Command command, CancellationToken ct)
    {
        command = command with { ApplicationId = id };
        return await this.SendFormAsync(sender, command, kind => kind switch
        {
            DecisionKind.Advance => this.Done("Decision recorded: the candidate moves to the next stage.", RedirectToAction(nameof(Score), new { id })),
            DecisionKind.Reject => this.Done("Decision recorded: the application is rejected.", RedirectToAction(nameof(Score), new { id })),
            _ => this.Done("Decision recorded: an offer draft is ready for the terms.", RedirectToAction(nameof(Offer), new { id })),
        }, async () => View(nameof(Decision), await sender.Send(new RecordDecision.Query { ApplicationId = id }, ct) with { Form = command }), ct);
    }

    [HttpGet("/applications/{id:guid}/offer")]
    public async Task<IActionResult> Offer(Guid id, CancellationToken ct) =>
        View(await sender.Send(new GetOffer.Query { ApplicationId = id }, ct));

    [HttpPost("/applications/{id:guid}/offer"), ComposedForm]
    public Task<IActionResult> SaveOffer(Guid id, SaveOffer.Command command, CancellationToken ct) =>
        OfferStep(id, command with { ApplicationId = id }, "Offer terms saved.", ct);

    [HttpPost("/applications/{id:guid}/offer/exception"), ComposedForm]
    public Task<IActionResult> ApproveOfferException(Guid id, ApproveOfferException.Command command, CancellationToken ct) =>
        OfferStep(id, command, "Exception approved: the hiring manager can now approve the offer.", ct);

    [HttpPost("/applications/{id:guid}/offer/approve"), ComposedForm]
    public Task<IActionResult> ApproveOffer(Guid id, ApproveOffer.Command command, CancellationToken ct) =>
        OfferStep(id, command, "Offer approved. The recruiter can send it now.", ct);

    [HttpPost("/applications/{id:guid}/offer/send"), ComposedForm]
    public Task<IActionResult> SendOffer(Guid id, SendOffer.Command command, CancellationToken ct) =>
        OfferStep(id, command, "Offer sent: the candidate has an email with its terms.", ct);

    [HttpPost("/applications/{id:guid}/offer/response"), ComposedForm]
    public Task<IActionResult> RecordOfferResponse(Guid id, RecordOfferResponse.Command command, CancellationToken ct) =>
        OfferStep(id, command, command.Accepted ? "Offer accepted. Welcome aboard!" : "Offer declined: recorded.", ct);

    // Every offer step posts a small form inside the offer page; a refused step re-renders the page with the reason.
    private Task<IActionResult> OfferStep<T>(Guid id, ICommand<T> command, string flash, CancellationToken ct) =>
        this.SendFormAsync(sender, command, _ => this.Done(flash, RedirectToAction(nameof(Offer), new { id })), async () =>
        {
            var page = await sender.Send(new GetOffer.Query { ApplicationId = id }, ct);
            // The typed terms stay; the version is the current one, so after a conflict a second save is a conscious overwrite.
            return View(nameof(Offer), command is SaveOffer.Command save ? page with { Form = save with { Version = page.Form.Version } } : page);
        }, ct);
}
