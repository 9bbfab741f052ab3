using HiringPlatform.Application.Features.Rubrics;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Rubrics.Components;

// The rows of the rubric form: the posted items joined with the library's names and definitions,
// looked up here so a re-rendered invalid form shows them without help from the controller.
public sealed class RubricEditorViewComponent(ISender sender) : ViewComponent
{
    public sealed record Info(string Name, string Definition, bool IsRetired);

    public async Task<IViewComponentResult> InvokeAsync(EditRubric.Command command)
    {
        var library = await sender.Send(new ListCompetencies.Query { IncludeRetired = true }, HttpContext.RequestAborted);
        ViewData["Library"] = library.Items.ToDictionary(c => c.Id, c => new Info(c.Name, c.Definition, c.IsRetired));
        return View("~/Features/Rubrics/Components/RubricEditor.cshtml", command);
    }
}
