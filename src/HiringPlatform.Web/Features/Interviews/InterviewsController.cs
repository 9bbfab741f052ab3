using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Application.Features.Interviews.Shared;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Interviews;

[Authorize(Policy = Policies.Interviewer)]
[Route("interviews")]
public sealed class InterviewsController(ISender sender) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await sender.Send(new GetMyInterviews.Query(), ct));

    [Authorize(Policy = Policies.Recruiter)]
    [HttpGet("new")]
    public async Task<IActionResult> Schedule(Guid applicationId, CancellationToken ct) =>
        View(await sender.Send(new ScheduleInterview.Query { ApplicationId = applicationId }, ct));

    [Authorize(Policy = Policies.Recruiter)]
    [HttpPost("new")]
    public async Task<IActionResult> Schedule(ScheduleInterview.Command command, CancellationToken ct)
    {
        var result = await sender.Send(command, ct);
        if (result.InterviewId is null) return Unconfirmed(command, result.Warnings);
        return this.Done("Interview scheduled. Invitations are on their way to the panel and the candidate.", RedirectToAction(nameof(Detail), new { id = result.InterviewId }));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, CancellationToken ct) =>
        View(await sender.Send(new GetInterview.Query { InterviewId = id }, ct));

    [Authorize(Policy = Policies.Recruiter)]
    [HttpGet("{id:guid}/reschedule")]
    public async Task<IActionResult> Reschedule(Guid id, CancellationToken ct) =>
        View(await sender.Send(new RescheduleInterview.Query { InterviewId = id }, ct));

    [Authorize(Policy = Policies.Recruiter)]
    [HttpPost("{id:guid}/reschedule")]
    public async Task<IActionResult> Reschedule(Guid id, RescheduleInterview.Command command, CancellationToken ct)
    {
        command = command with { InterviewId = id };
        var result = await sender.Send(command, ct);
        if (result.InterviewId is null) return Unconfirmed(command, result.Warnings);
        return this.Done("Interview moved. Everyone has an updated invitation.", RedirectToAction(nameof(Detail), new { id }));
    }

    [Authorize(Policy = Policies.Recruiter)]
    [HttpPost("{id:guid}/cancel"), ComposedForm]
    public async Task<IActionResult> Cancel(Guid id, CancelInterview.Command command, CancellationToken ct)
    {
        return await this.SendFormAsync(sender, command with { InterviewId = id },
            _ => this.Done("Interview cancelled. The panel and the candidate have been told.", RedirectToAction(nameof(Detail), new { id })),
            async () => View(nameof(Detail), await sender.Send(new GetInterview.Query { InterviewId = id }, ct)), ct);
    }

    [HttpGet("{id:guid}/scorecard")]
    public Task<IActionResult> Scorecard(Guid id, Guid? interviewerId, CancellationToken ct) => ScorecardPage(id, interviewerId, null, ct);

    [HttpPost("{id:guid}/scorecard"), ComposedForm]
    public async Task<IActionResult> SaveScorecard(Guid id, SaveScorecard.Command command, CancellationToken ct)
    {
        command = command with { InterviewId = id };
        return await this.SendFormAsync(sender, command,
            _ => this.Done(command.Submit
                ? "Scorecard submitted. You can now read the rest of the panel's feedback."
                : "Draft saved. Submit it once every rating has its evidence.", RedirectToAction(nameof(Scorecard), new { id })),
            () => ScorecardPage(id, null, command, ct), ct);
    }

    [HttpPost("{id:guid}/scorecard/amend"), ComposedForm]
    public async Task<IActionResult> AmendScorecard(Guid id, AmendScorecard.Command command, CancellationToken ct)
    {
        command = command with { InterviewId = id };
        return await this.SendFormAsync(sender, command,
            _ => this.Done("Scorecard amended. The original and your change are both on record.", RedirectToAction(nameof(Scorecard), new { id })),
            () => ScorecardPage(id, null, command, ct), ct);
    }

    // The scorecard page; after a failed post it shows what was typed, with the errors beside the fields.
    private async Task<IActionResult> ScorecardPage(Guid id, Guid? interviewerId, IScorecardForm? posted, CancellationToken ct)
    {
        var card = await sender.Send(new GetScorecard.Query { InterviewId = id, InterviewerId = interviewerId }, ct);
        var panel = card.IsMine && card.IsSubmitted
            ? await sender.Send(new GetPanelFeedback.Query { ApplicationId = card.ApplicationId }, ct)
            : null;
        return View(nameof(Scorecard), new ScorecardPage(card, panel, posted));
    }

    // The scheduler found clashes the user has not confirmed: the form again, the warnings beside "schedule anyway".
    private ViewResult Unconfirmed(object command, IReadOnlyList<string> warnings)
    {
        foreach (var warning in warnings) ModelState.AddModelError(Forms.WarningKey(ScheduleAnyway), warning);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(command);
    }

    public const string ScheduleAnyway = nameof(ScheduleInterview.Command.ScheduleAnyway);
}
