using HiringPlatform.Application.Features.Interviews;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Home.Components;

// The interviewer's day: feedback due (oldest first) and their next interviews. Only interviews they sit on.
public sealed class InterviewerHomeViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Home/Components/InterviewerHome.cshtml", await sender.Send(new GetMyInterviews.Query { IncludeTeam = false, Limit = 5 }));
}
