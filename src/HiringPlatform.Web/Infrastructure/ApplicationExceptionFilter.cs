using HiringPlatform.Application.Common.Exceptions;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HiringPlatform.Web.Infrastructure;

// Bridges errors to forms and maps the application's exceptions to responses, in one place:
// binding errors and ValidationException → the action's view again, with the posted command and field errors;
// DomainException / concurrency conflict → the same, as a form-level message; NotFound → 404; Forbidden → 403;
// not signed in → challenge; an invalid GET → 400.
public sealed class ApplicationExceptionFilter(IModelMetadataProvider metadata, ICompositeViewEngine views) : IAsyncActionFilter, IExceptionFilter, IAsyncAlwaysRunResultFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.ModelState.IsValid && !IsGet(context) && !IsComposed(context))
        {
            context.Result = FormView(context, context.ActionArguments.Values);
            return;
        }
        await next();
    }

    public void OnException(ExceptionContext context)
    {
        var ex = context.Exception;
        if (ex is NotFoundException)
        {
            context.Result = StatusView(context, 404);
        }
        else if (ex is ForbiddenAccessException)
        {
            context.Result = StatusView(context, 403);
        }
        else if (ex is UnauthorizedAccessException)
        {
            context.Result = new ChallengeResult();
        }
        else if (context.HttpContext.Request.Method == HttpMethods.Get && Forms.TryAddErrors(context.ModelState, ex))
        {
            context.Result = StatusView(context, 400);
        }
        else if (Forms.TryAddErrors(context.ModelState, ex))
        {
            // Arguments are not on the exception context: take the bound command from the route's model state values.
            context.Result = FormView(context, context.HttpContext.Items[BoundArgumentsKey] as IEnumerable<object?> ?? []);
        }
        else
        {
            return;
        }
        context.ExceptionHandled = true;
    }

    // A form shown again with errors renders lists and panels for the ids it was posted with; when those name
    // nothing the user may see (a tampered post), the view throws NotFound/Forbidden while rendering, after the
    // exception filter's turn (always-run: it must also see results the exception filter set). The same
    // 404/403 as from the action, instead of a 500.
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || context.HttpContext.Response.HasStarted
            || executed.Exception is not (NotFoundException or ForbiddenAccessException)) return;
        executed.ExceptionHandled = true;
        context.ModelState.Clear();
        await StatusView(context, executed.Exception is NotFoundException ? 404 : 403).ExecuteResultAsync(context);
    }

    public const string BoundArgumentsKey = "hp.bound-arguments";

    private ViewResult FormView(FilterContext context, IEnumerable<object?> arguments)
    {
        var model = arguments.FirstOrDefault(a => a is IMessage) ?? arguments.FirstOrDefault(a => a is not null and not CancellationToken);
        var action = (ControllerActionDescriptor)context.ActionDescriptor;
        // A POST with no view of its own name (a button on a read page) cannot show its form again: the status
        // page lists the refusal with its field instead of a view-not-found 500.
        if (!views.FindView(context, action.ActionName, isMainPage: true).Success)
            return StatusView(context, StatusCodes.Status422UnprocessableEntity);
        return new ViewResult
        {
            ViewName = action.ActionName,
            StatusCode = StatusCodes.Status422UnprocessableEntity,
            ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = model },
        };
    }

    private ViewResult StatusView(FilterContext context, int status) => new()
    {
        ViewName = "~/Features/Shared/Status.cshtml",
        StatusCode = status,
        ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = status },
    };

    private static bool IsGet(FilterContext context) => HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method);

    private static bool IsComposed(FilterContext context) =>
        context.ActionDescriptor.EndpointMetadata.OfType<ComposedFormAttribute>().Any();
}

// Remembers the bound arguments so the exception filter can re-render the form with what the user typed.
public sealed class BoundArgumentsFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context) =>
        context.HttpContext.Items[ApplicationExceptionFilter.BoundArgumentsKey] = context.ActionArguments.Values.ToList();

    public void OnActionExecuted(ActionExecutedContext context) { }
}
