using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Features.Admin;
using HiringPlatform.Infrastructure.Email;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
// Some use cases share their names with the actions that send them.
using UseCases = HiringPlatform.Application.Features.Admin;

namespace HiringPlatform.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin")]
public sealed class AdminController(ISender sender) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await sender.Send(new GetAdminOverview.Query(), ct));

    // ---- Users

    [HttpGet("users")]
    public async Task<IActionResult> Users(ListUsers.Query query, CancellationToken ct) =>
        View(new ListPage<ListUsers.Query, ListUsers.Model>(query, await sender.Send(query, ct)));

    [HttpGet("users/new")]
    public IActionResult CreateUser() =>
        View(new UseCases.CreateUser.Command { TimeZoneId = TimeDisplay.ZoneOf(User).Id, SendInvite = true });

    [HttpPost("users/new")]
    public async Task<IActionResult> CreateUser(UseCases.CreateUser.Command command, CancellationToken ct)
    {
        var id = await sender.Send(command, ct);
        TempData["Flash"] = command.SendInvite
            ? $"{command.DisplayName}'s account is ready. An invite is on its way to {command.Email}."
            : $"{command.DisplayName}'s account is ready. Give them their first password in person or by phone, not by email.";
        return RedirectToAction(nameof(EditUser), new { id });
    }

    [HttpGet("users/{id:guid}")]
    public async Task<IActionResult> EditUser(Guid id, CancellationToken ct) => View(await sender.Send(new UpdateUser.Query { Id = id }, ct));

    [HttpPost("users/{id:guid}")]
    public async Task<IActionResult> EditUser(UpdateUser.Command command, CancellationToken ct)
    {
        try
        {
            await sender.Send(command, ct);
        }
        catch (ConcurrencyConflictException conflict)
        {
            // Show what the other admin saved (and its new stamp), so a second try can succeed.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, conflict.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(await sender.Send(new UpdateUser.Query { Id = command.Id }, ct));
        }
        TempData["Flash"] = "Changes saved.";
        return RedirectToAction(nameof(EditUser), new { id = command.Id });
    }

    [HttpPost("users/{id:guid}/deactivate")]
    [ComposedForm]
    public Task<IActionResult> DeactivateUser(Guid id, CancellationToken ct) =>
        UserAction(id, new UseCases.DeactivateUser.Command { Id = id }, "Deactivated. They can no longer sign in; hand over their open work below.", ct);

    [HttpPost("users/{id:guid}/reactivate")]
    [ComposedForm]
    public Task<IActionResult> ReactivateUser(Guid id, CancellationToken ct) =>
        UserAction(id, new UseCases.ReactivateUser.Command { Id = id }, "Reactivated. They can sign in again with their password.", ct);

    [HttpPost("users/{id:guid}/unlock")]
    [ComposedForm]
    public Task<IActionResult> UnlockUser(Guid id, CancellationToken ct) =>
        UserAction(id, new UseCases.UnlockUser.Command { Id = id }, "Unlocked. They can try signing in again now.", ct);

    [HttpPost("users/{id:guid}/resend-invite")]
    [ComposedForm]
    public Task<IActionResult> ResendInvite(Guid id, CancellationToken ct) =>
        UserAction(id, new UseCases.ResendInvite.Command { Id = id }, "A new invite is on its way. Earlier invite links no longer work.", ct);

    [HttpPost("users/{id:guid}/reset-two-factor")]
    [ComposedForm]
    public Task<IActionResult> ResetUserTwoFactor(Guid id, CancellationToken ct) =>
        UserAction(id, new UseCases.ResetUserTwoFactor.Command { Id = id }, "Two-step verification is off for this person. They can sign in with their password and set it up again.", ct);

    // The account buttons sit on the user's page: a refusal re-renders that page with the reason.
    private Task<IActionResult> UserAction(Guid id, ICommand<Mediator.Unit> command, string done, CancellationToken ct) =>
        this.SendFormAsync(sender, command, _ => this.Done(done, RedirectToAction(nameof(EditUser), new { id })),
            async () => View(nameof(EditUser), await sender.Send(new UpdateUser.Query { Id = id }, ct)), ct);

    // ---- Audit log

    [HttpGet("audit")]
    public async Task<IActionResult> Audit(ListAuditEntries.Query query, CancellationToken ct)
    {
        // Date filters mean whole days where the viewer is.
        query = query with { TimeZoneId = TimeDisplay.ZoneOf(User).Id };
        return View(new ListPage<ListAuditEntries.Query, ListAuditEntries.Model>(query, await sender.Send(query, ct)));
    }

    // ---- Email outbox

    [HttpGet("outbox")]
    public async Task<IActionResult> Outbox(ListOutboxEmails.Query query, [FromServices] IOptions<EmailOptions> email, CancellationToken ct)
    {
        ViewData["Delivery"] = email.Value.Describe();
        return View(new ListPage<ListOutboxEmails.Query, ListOutboxEmails.Model>(query, await sender.Send(query, ct)));
    }

    [HttpGet("outbox/{id:guid}")]
    public async Task<IActionResult> OutboxEmail(Guid id, CancellationToken ct) => View(await sender.Send(new GetOutboxEmail.Command { Id = id }, ct));

    [HttpPost("outbox/{id:guid}/requeue")]
    [ComposedForm]
    public Task<IActionResult> RequeueOutboxEmail(Guid id, CancellationToken ct) =>
        this.SendFormAsync(sender, new UseCases.RequeueOutboxEmail.Command { Id = id },
            _ => this.Done("Queued again: it will be sent within a few seconds.", RedirectToAction(nameof(OutboxEmail), new { id })),
            async () => View(nameof(OutboxEmail), await sender.Send(new GetOutboxEmail.Command { Id = id }, ct)), ct);

    // ---- Settings

    [HttpGet("settings")]
    public async Task<IActionResult> Settings(CancellationToken ct) => View(await sender.Send(new UpdateSettings.Query(), ct));

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(UpdateSettings.Command command, CancellationToken ct)
    {
        await sender.Send(command, ct);
        TempData["Flash"] = "Settings saved.";
        return RedirectToAction(nameof(Settings));
    }
}

// A list page: the filters as the person set them, and what they found.
public sealed record ListPage<TQuery, TModel>(TQuery Query, TModel Result);
