using System.Security.Claims;
using HiringPlatform.Application.Features.JobPostings;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.JobPostings.Components;

// Chooses hiring-team members among the active users holding a role: checkboxes for "any number", a select for
// "exactly one". It sends its own query, so a re-rendered invalid form needs no code to fill it.
public sealed class TeamMemberPickerViewComponent(ISender sender) : ViewComponent
{
    public sealed record Model(string Name, string Label, string? Hint, bool Multiple, IReadOnlyList<ListTeamCandidates.Model> People,
        IReadOnlySet<Guid> Selected, Guid? Me);

    public async Task<IViewComponentResult> InvokeAsync(string name, string role, string label, IEnumerable<Guid>? selected,
        bool multiple = true, string? hint = null)
    {
        var people = await sender.Send(new ListTeamCandidates.Query(role), HttpContext.RequestAborted);
        var me = Guid.TryParse(UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        return View("~/Features/JobPostings/Components/TeamMemberPicker.cshtml",
            new Model(name, label, hint, multiple, people, (selected ?? []).ToHashSet(), me));
    }
}

// The team (department) filter of the postings list, from the teams of the postings the user can see.
public sealed class PostingTeamFilterViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? selected)
    {
        var teams = await sender.Send(new ListPostingTeams.Query(), HttpContext.RequestAborted);
        return View("~/Features/JobPostings/Components/PostingTeamFilter.cshtml", (teams, selected));
    }
}
