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
        if (result.InterviewId is null)
        {
            ViewData["Warnings"] = result.Warnings;
            return View(command);
        }
        TempData["Flash"] = "Interview scheduled. Invitations are on their way to the panel and the candidate.";
        return RedirectToAction(nameof(Detail), new { id = result.InterviewId });
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
        if (result.InterviewId is null)
        {
            ViewData["Warnings"] = result.Warnings;
            return View(command);
        }
        TempData["Flash"] = "Interview moved. Everyone has an updated invitation.";
        return RedirectToAction(nameof(Detail), new { id });
    }

    [Authorize(Policy = Policies.Recruiter)]
    [HttpPost("{id:guid}/cancel"), ComposedForm]
    public async Task<IActionResult> Cancel(Guid id, CancelInterview.Command command, CancellationToken ct)
    {
        if (await this.TrySend(sender, command with { InterviewId = id }, ct))
        {
            TempData["Flash"] = "Interview cancelled. The panel and the candidate have been told.";
            return RedirectToAction(nameof(Detail), new { id });
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Detail), await sender.Send(new GetInterview.Query { InterviewId = id }, ct));
    }

    [HttpGet("{id:guid}/scorecard")]
    public Task<IActionResult> Scorecard(Guid id, Guid? interviewerId, CancellationToken ct) => ScorecardPage(id, interviewerId, null, ct);

    [HttpPost("{id:guid}/scorecard"), ComposedForm]
    public async Task<IActionResult> SaveScorecard(Guid id, SaveScorecard.Command command, CancellationToken ct)
    {
        command = command with { InterviewId = id };
        if (await this.TrySend(sender, command, ct))
        {
            TempData["Flash"] = command.Submit
                ? "Scorecard submitted. You can now read the rest of the panel's feedback."
                : "Draft saved. Submit it once every rating has its evidence.";
            return RedirectToAction(nameof(Scorecard), new { id });
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ScorecardPage(id, null, command, ct);
    }

    [HttpPost("{id:guid}/scorecard/amend"), ComposedForm]
    public async Task<IActionResult> AmendScorecard(Guid id, AmendScorecard.Command command, CancellationToken ct)
    {
        command = command with { InterviewId = id };
        if (await this.TrySend(sender, command, ct))
        {
            TempData["Flash"] = "Scorecard amended. The original and your change are both on record.";
            return RedirectToAction(nameof(Scorecard), new { id });
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ScorecardPage(id, null, command, ct);
    }

    // The scorecard page; after a failed post it shows what was typed, with the errors beside the fields.
    private async Task<IActionResult> ScorecardPage(Guid id, Guid? interviewerId, IScorecardForm? posted, CancellationToken ct)
    {
        var model = await sender.Send(new GetScorecard.Query { InterviewId = id, InterviewerId = interviewerId }, ct);
        ViewData["PostedForm"] = posted;
        ViewData["Panel"] = model.IsMine && model.IsSubmitted
            ? await sender.Send(new GetPanelFeedback.Query { ApplicationId = model.ApplicationId }, ct)
            : null;
        return View(nameof(Scorecard), model);
    }
}
