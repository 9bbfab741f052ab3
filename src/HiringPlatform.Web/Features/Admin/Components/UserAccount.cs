using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Features.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Admin.Components;

// The account panel beside the user form (status, account actions, open work of someone deactivated). A view
// component, so the form re-rendered with errors shows it too.
public sealed class UserAccountViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid id)
    {
        try
        {
            return View("~/Features/Admin/Components/UserAccount.cshtml", await sender.Send(new GetUserAccount.Query { Id = id }, HttpContext.RequestAborted));
        }
        catch (NotFoundException)
        {
            // The form came back with an id that names nobody (a tampered post): its errors show, the panel does not.
            return Content(string.Empty);
        }
    }
}
