using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Candidates;

// Admin: candidates due for erasure under the retention setting, erased in batches with progress.
[Authorize(Policy = Policies.Admin)]
public sealed class RetentionController(ISender sender) : Controller
{
    [HttpGet("/admin/retention")]
    public async Task<IActionResult> Retention(string? after, int? erased, CancellationToken ct) =>
        View(new RetentionPage(await sender.Send(new GetRetentionList.Query { After = after }, ct), erased));

    [HttpPost("/admin/retention/erase")]
    [ComposedForm]
    public Task<IActionResult> EraseDue(EraseDueCandidates.Command command, int? erasedSoFar, CancellationToken ct) =>
        this.SendFormAsync(sender, command, result =>
        {
            var total = (erasedSoFar ?? 0) + result.Erased;
            // "Erase all" continues batch by batch (the page resubmits while there is more); the count carries across.
            if (command.AllDue && result.Remaining > 0 && result.Erased > 0)
                return Redirect($"/admin/retention?erased={total}&continue=1");
            return this.Done(total == 1 ? "1 candidate erased." : $"{total} candidates erased.", Redirect("/admin/retention"));
        }, async () => View(nameof(Retention), new RetentionPage(await sender.Send(new GetRetentionList.Query(), ct), null)), ct);
}

// The retention list and, while "erase all" works through its batches, how many were erased so far.
public sealed record RetentionPage(GetRetentionList.Model List, int? ErasedSoFar);
