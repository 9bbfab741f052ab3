using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HiringPlatform.Web.Infrastructure;

// The one place where application errors become form errors (the AddToModelState pattern).
public static class ModelStateBridge
{
    public static bool TryAdd(ModelStateDictionary modelState, Exception exception)
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

    // For a form that sits inside a read page: the action re-renders that page itself when this returns false.
    public static async Task<bool> TrySend<TResponse>(this Controller controller, ISender sender, ICommand<TResponse> command, CancellationToken ct)
    {
        if (!controller.ModelState.IsValid) return false;
        try
        {
            await sender.Send(command, ct);
            return true;
        }
        catch (Exception ex) when (TryAdd(controller.ModelState, ex))
        {
            return false;
        }
    }

    public static async Task<(bool Ok, TResponse? Result)> TrySendFor<TResponse>(this Controller controller, ISender sender, ICommand<TResponse> command, CancellationToken ct)
    {
        if (!controller.ModelState.IsValid) return (false, default);
        try
        {
            return (true, await sender.Send(command, ct));
        }
        catch (Exception ex) when (TryAdd(controller.ModelState, ex))
        {
            return (false, default);
        }
    }
}

// Marks an action that renders its own errors (a form inside a read page, via TrySend), so the
// global filter leaves it alone.
[AttributeUsage(AttributeTargets.Method)]
public sealed class ComposedFormAttribute : Attribute;
