using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HiringPlatform.Web.Infrastructure;

// The one way a form shows an error (ADR-0026). A refused command always becomes errors in ModelState, beside the
// field they concern or at the top of the form, and the page that holds the form is shown again with 422:
// - a form page of its own (New, Edit): the action just sends; ApplicationExceptionFilter re-renders its view;
// - a form inside a read page (a note on the profile, an offer step, a lifecycle button): SendFormAsync, which
//   re-renders the host page through the query the GET action uses;
// - an edit of a versioned record that someone else saved first: SendEditAsync shows the current version (409);
// - a one-click button whose page is named by a return URL (move, withdraw, reopen from the board or the profile):
//   SendAndReturnAsync goes back to that page, where _Alerts shows the same first error at the top.
public static class Forms
{
    public static bool TryAddErrors(ModelStateDictionary modelState, Exception exception)
    {
        switch (exception)
        {
            case ValidationException v:
                foreach (var (key, messages) in v.Errors)
                    foreach (var message in messages) modelState.AddModelError(key, message);
                return true;
            case DomainException or ConcurrencyConflictException:
                modelState.AddModelError(string.Empty, exception.Message);
                return true;
            default:
                return false;
        }
    }

    // A form inside a read page. The action is marked [ComposedForm] so the filter leaves its binding errors to this.
    public static async Task<IActionResult> SendFormAsync<TResponse>(this Controller controller, ISender sender, ICommand<TResponse> command,
        Func<TResponse, IActionResult> done, Func<Task<IActionResult>> hostPage, CancellationToken ct)
    {
        if (controller.ModelState.IsValid)
        {
            try
            {
                return done(await sender.Send(command, ct));
            }
            catch (Exception ex) when (TryAddErrors(controller.ModelState, ex))
            {
            }
        }
        controller.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await hostPage();
    }

    // The edit form of a record with a version: when someone saved first, the current version with the message,
    // rather than the stale form (a second save is then a conscious overwrite). Other refusals go to the filter.
    public static async Task<IActionResult> SendEditAsync<TResponse, TForm>(this Controller controller, ISender sender, ICommand<TResponse> command,
        Func<TResponse, IActionResult> done, Func<ValueTask<TForm>> current, CancellationToken ct)
    {
        try
        {
            return done(await sender.Send(command, ct));
        }
        catch (ConcurrencyConflictException conflict)
        {
            controller.ModelState.Clear();
            controller.ModelState.AddModelError(string.Empty, conflict.Message);
            controller.Response.StatusCode = StatusCodes.Status409Conflict;
            return controller.View(await current());
        }
    }

    public static async Task<IActionResult> SendAndReturnAsync<TResponse>(this Controller controller, ISender sender, ICommand<TResponse> command,
        Func<TResponse, (string Flash, string Next)> done, string back, CancellationToken ct)
    {
        try
        {
            var (flash, next) = done(await sender.Send(command, ct));
            controller.TempData["Flash"] = flash;
            return controller.Redirect(next);
        }
        catch (Exception ex) when (TryAddErrors(controller.ModelState, ex))
        {
            controller.TempData[ErrorKey] = controller.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).First();
            return controller.Redirect(back);
        }
    }

    public const string ErrorKey = "Error";

    // Warnings the user must confirm (a clash in the schedule) are refusals too, kept under the confirming field's
    // name with this prefix: the page shows them beside that field, and the error summary leaves them to it.
    public static string WarningKey(string confirmField) => "warning:" + confirmField;

    public static bool IsWarning(string key) => key.StartsWith("warning:", StringComparison.Ordinal);

    // A return URL from a form, kept only when it stays on this site.
    public static string LocalOr(this Controller controller, string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && controller.Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;

    // The success half: the message the next page shows once, and where to go.
    public static IActionResult Done(this Controller controller, string flash, IActionResult next)
    {
        controller.TempData["Flash"] = flash;
        return next;
    }
}

// Marks an action that renders its own errors through Forms.SendFormAsync, so the global filter leaves it alone.
[AttributeUsage(AttributeTargets.Method)]
public sealed class ComposedFormAttribute : Attribute;
