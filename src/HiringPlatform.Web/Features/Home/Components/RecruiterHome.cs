using HiringPlatform.Application.Features.JobPostings;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Home.Components;

// The recruiter's section of the home page: postings that need something from them, with counts.
public sealed class RecruiterHomeViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Home/Components/RecruiterHome.cshtml", await sender.Send(new GetRecruiterHome.Query(), HttpContext.RequestAborted));
}
