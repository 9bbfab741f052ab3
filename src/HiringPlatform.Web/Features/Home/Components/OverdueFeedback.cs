using HiringPlatform.Application.Features.Interviews;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Home.Components;

// The recruiter's list of scorecards more than a day late on their postings (each interviewer is reminded once, automatically).
public sealed class OverdueFeedbackViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Home/Components/OverdueFeedback.cshtml", (await sender.Send(new GetMyInterviews.Query { Limit = 10 })).TeamOverdue);
}
