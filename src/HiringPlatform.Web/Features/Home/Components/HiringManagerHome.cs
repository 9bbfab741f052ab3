using HiringPlatform.Application.Features.Interviews;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Home.Components;

// The hiring manager's view: interviews coming up on their postings, feedback running late, and the way to calibration.
public sealed class HiringManagerHomeViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Home/Components/HiringManagerHome.cshtml", await sender.Send(new GetMyInterviews.Query { Limit = 5 }));
}
