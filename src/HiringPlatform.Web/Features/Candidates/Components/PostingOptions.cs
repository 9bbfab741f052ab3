using HiringPlatform.Application.Features.Candidates;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Candidates.Components;

// The postings a candidate can be added to, as <option>s (for /candidates/new and the profile's "add to posting").
public sealed class PostingOptionsViewComponent(ISender sender) : ViewComponent
{
    public sealed record ViewModel(IReadOnlyList<ListManagedPostings.Option> Postings, Guid? Selected);

    public async Task<IViewComponentResult> InvokeAsync(Guid? exceptCandidateId, Guid? selected) =>
        View("~/Features/Candidates/Components/PostingOptions.cshtml",
            new ViewModel(await sender.Send(new ListManagedPostings.Query { ExceptCandidateId = exceptCandidateId }), selected));
}

// The profile's "add to another posting" form; hidden when there is nowhere left to add them.
public sealed class AttachToPostingViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid candidateId)
    {
        var postings = await sender.Send(new ListManagedPostings.Query { ExceptCandidateId = candidateId });
        return View("~/Features/Candidates/Components/AttachToPosting.cshtml", (candidateId, postings));
    }
}
