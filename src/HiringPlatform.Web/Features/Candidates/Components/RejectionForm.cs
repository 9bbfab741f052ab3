using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Candidates.Components;

// The structured-reason fields of a rejection (single or bulk): reason, the rubric competency for a skills gap,
// a note, and the optional email template. It queries its own options, so a re-rendered form needs nothing more.
public sealed class RejectionFormViewComponent(ISender sender) : ViewComponent
{
    public sealed record ViewModel(GetRejectionOptions.Model Options, Rejection.IReasonInput? Values, string IdPrefix, bool ShowSubject);

    public async Task<IViewComponentResult> InvokeAsync(Guid? postingId, Guid? applicationId, Rejection.IReasonInput? values, string idPrefix = "")
    {
        var options = await sender.Send(new GetRejectionOptions.Query { PostingId = postingId, ApplicationId = applicationId });
        return View("~/Features/Candidates/Components/RejectionForm.cshtml", new ViewModel(options, values, idPrefix, applicationId is not null));
    }
}
