using HiringPlatform.Application.Features.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Home.Components;

public sealed class AdminHomeViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Home/Components/AdminHome.cshtml", await sender.Send(new GetAdminOverview.Query(), HttpContext.RequestAborted));
}
