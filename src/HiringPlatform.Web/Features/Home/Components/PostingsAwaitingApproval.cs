using HiringPlatform.Application.Features.JobPostings;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Home.Components;

// On the hiring manager's home page: postings waiting for their approval.
public sealed class PostingsAwaitingApprovalViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Home/Components/PostingsAwaitingApproval.cshtml",
            await sender.Send(new GetPostingsAwaitingApproval.Query(), HttpContext.RequestAborted));
}
