using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Markdown;
using HiringPlatform.Application.Domain.Templates;
using HiringPlatform.Application.Features.JobPostings;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.JobPostings;

// Staff pages for postings: list, create, details with the lifecycle actions, edit and clone.
// Which postings a person may see or change is decided in the handlers (team membership).
[Authorize(Policy = Policies.HiringTeam)]
[Route("postings")]
public sealed class JobPostingsController(ISender sender) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ListPostings.Query query, CancellationToken ct) =>
        View(await sender.Send(query, ct));

    [HttpGet("new")]
    public IActionResult New() =>
        View(new CreatePosting.Command { Start = PostingStart.SeniorBackendTemplate, Title = SeniorBackendEngineerTemplate.Title });

    [HttpPost("new")]
    public async Task<IActionResult> New(CreatePosting.Command command, CancellationToken ct)
    {
        var id = await sender.Send(command, ct);
        TempData["Flash"] = command.Start == PostingStart.SeniorBackendTemplate
            ? "Draft created from the Senior Backend Engineer template, with its rubric, interview plan and screening questions. Review it, then submit it for approval."
            : "Blank draft created. Fill in the details, then submit it for approval.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct) =>
        View(await sender.Send(new GetPosting.Query(id), ct));

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) =>
        View(await sender.Send(new EditPosting.Query(id), ct));

    // A stale edit shows the current values (not the stale ones) with the conflict message.
    [HttpPost("{id:guid}/edit")]
    public Task<IActionResult> Edit(Guid id, EditPosting.Command command, CancellationToken ct) =>
        this.SendEditAsync(sender, command with { Id = id }, _ => this.Done("Posting saved.", RedirectToAction(nameof(Details), new { id })),
            () => sender.Send(new EditPosting.Query(id), ct), ct);

    [HttpPost("{id:guid}/submit")]
    [ComposedForm]
    public Task<IActionResult> Submit(Guid id, CancellationToken ct) =>
        Lifecycle(id, new SubmitPostingForApproval.Command(id), "Submitted for approval. The hiring manager will see it on their home page.", ct);

    [HttpPost("{id:guid}/approve")]
    [ComposedForm]
    public Task<IActionResult> Approve(Guid id, ApprovePosting.Command command, CancellationToken ct) =>
        Lifecycle(id, command with { Id = id }, "Approved. The posting is now open on the careers site.", ct);

    [HttpPost("{id:guid}/send-back")]
    [ComposedForm]
    public Task<IActionResult> SendBack(Guid id, SendPostingBack.Command command, CancellationToken ct) =>
        Lifecycle(id, command with { Id = id }, "Sent back to draft with your comment.", ct);

    [HttpPost("{id:guid}/pause")]
    [ComposedForm]
    public Task<IActionResult> Pause(Guid id, PausePosting.Command command, CancellationToken ct) =>
        Lifecycle(id, command with { Id = id }, "Paused. The posting is off the careers site; the pipeline carries on.", ct);

    [HttpPost("{id:guid}/resume")]
    [ComposedForm]
    public Task<IActionResult> Resume(Guid id, ResumePosting.Command command, CancellationToken ct) =>
        Lifecycle(id, command with { Id = id }, "Resumed. The posting is open on the careers site again.", ct);

    [HttpPost("{id:guid}/close")]
    [ComposedForm]
    public Task<IActionResult> Close(Guid id, ClosePosting.Command command, CancellationToken ct) =>
        Lifecycle(id, command with { Id = id }, "Posting closed.", ct);

    [HttpPost("{id:guid}/clone")]
    public async Task<IActionResult> Clone(Guid id, CancellationToken ct)
    {
        var copy = await sender.Send(new ClonePosting.Command(id), ct);
        TempData["Flash"] = "Copied as a new draft with the same text, team, rubric and interview plan. Check it, then submit it for approval.";
        return RedirectToAction(nameof(Details), new { id = copy });
    }

    // Live preview for the Markdown fields on the edit page: the same renderer and sanitiser as the careers site.
    [HttpPost("markdown-preview")]
    public IActionResult MarkdownPreview([FromForm] string? markdown) =>
        Content(MarkdownRenderer.ToSafeHtml(markdown is { Length: > EditPosting.MaxMarkdownLength } ? markdown[..EditPosting.MaxMarkdownLength] : markdown),
            "text/html; charset=utf-8");

    // A lifecycle form sits on the details page: on a refusal the details page is shown again with the message.
    private Task<IActionResult> Lifecycle<T>(Guid id, ICommand<T> command, string done, CancellationToken ct) =>
        this.SendFormAsync(sender, command, _ => this.Done(done, RedirectToAction(nameof(Details), new { id })),
            async () => View(nameof(Details), await sender.Send(new GetPosting.Query(id), ct)), ct);
}
