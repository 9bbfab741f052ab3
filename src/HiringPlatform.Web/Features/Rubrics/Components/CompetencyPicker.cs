using HiringPlatform.Application.Features.Rubrics;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Rubrics.Components;

// Competencies from the library as checkboxes (a question's tags) or a select (the question bank filter).
// Sends its own query, so a re-rendered invalid form needs no code to fill it again.
public sealed class CompetencyPickerViewComponent(ISender sender) : ViewComponent
{
    public sealed record Model(string Name, string Label, IReadOnlyList<Choice> Choices, bool Multiple, string? Help);

    public sealed record Choice(Guid Id, string Name, bool IsRetired, bool Selected);

    public async Task<IViewComponentResult> InvokeAsync(string name, string label, IEnumerable<Guid> selected, bool multiple = true, string? help = null)
    {
        var chosen = selected.ToHashSet();
        var library = await sender.Send(new ListCompetencies.Query { IncludeRetired = true }, HttpContext.RequestAborted);
        // Retired competencies stay listed only where they are already chosen.
        var choices = library.Items.Where(c => !c.IsRetired || chosen.Contains(c.Id))
            .Select(c => new Choice(c.Id, c.Name, c.IsRetired, chosen.Contains(c.Id))).ToList();
        return View("~/Features/Rubrics/Components/CompetencyPicker.cshtml", new Model(name, label, choices, multiple, help));
    }
}
