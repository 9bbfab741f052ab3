using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using HiringPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Candidates;

// Admin: candidates due for erasure under the retention setting, erased in batches with progress.
public sealed partial class CandidatesController
{
    [Authorize(Policy = Policies.Admin)]
    [HttpGet("/admin/retention")]
    public async Task<IActionResult> Retention(string? after, int? erased, CancellationToken ct)
    {
        ViewData["Erased"] = erased;
        return View("Retention", await sender.Send(new GetRetentionList.Query { After = after }, ct));
    }

    [Authorize(Policy = Policies.Admin)]
    [HttpPost("/admin/retention/erase")]
    [ComposedForm]
    public async Task<IActionResult> EraseDue(EraseDueCandidates.Command command, int? erasedSoFar, CancellationToken ct)
    {
        var (ok, result) = await this.TrySendFor(sender, command, ct);
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Retention", await sender.Send(new GetRetentionList.Query(), ct));
        }
        var total = (erasedSoFar ?? 0) + result!.Erased;
        // "Erase all" continues batch by batch (the page resubmits while there is more); the count carries across.
        if (command.AllDue && result.Remaining > 0 && result.Erased > 0)
            return Redirect($"/admin/retention?erased={total}&continue=1");
        TempData["Flash"] = total == 1 ? "1 candidate erased." : $"{total} candidates erased.";
        return Redirect("/admin/retention");
    }
}
