using HiringPlatform.Application.Features.Rubrics;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Rubrics.Components;

// The pickers of the stage form. Each sends its own query, so a re-rendered invalid form fills them again by itself.

// Focus competencies: only those in the posting's rubric.
public sealed class FocusPickerViewComponent(ISender sender) : ViewComponent
{
    public sealed record Model(Guid PostingId, IReadOnlyList<GetRubric.Item> Rubric, IReadOnlySet<Guid> Selected);

    public async Task<IViewComponentResult> InvokeAsync(Guid postingId, IEnumerable<Guid> selected)
    {
        var rubric = await sender.Send(new GetRubric.Query { PostingId = postingId }, HttpContext.RequestAborted);
        return View("~/Features/Rubrics/Components/FocusPicker.cshtml", new Model(postingId, rubric.Items, selected.ToHashSet()));
    }
}

// Kit questions from the bank: the ones in the kit first, then those probing the stage's focus, then the rest.
public sealed class QuestionPickerViewComponent(ISender sender) : ViewComponent
{
    public sealed record Choice(Guid Id, string Text, bool IsRetired, IReadOnlyList<string> Probes, IReadOnlyList<Guid> ProbeIds, bool Selected);

    public sealed record Model(IReadOnlyList<Choice> InKit, IReadOnlyList<Choice> Suggested, IReadOnlyList<Choice> Others);

    public async Task<IViewComponentResult> InvokeAsync(IReadOnlyList<Guid> selected, IReadOnlyList<Guid> focus)
    {
        var questions = await sender.Send(new ListQuestionChoices.Query { AlsoInclude = selected }, HttpContext.RequestAborted);
        var library = await sender.Send(new ListCompetencies.Query { IncludeRetired = true }, HttpContext.RequestAborted);
        var names = library.Items.ToDictionary(c => c.Id, c => c.Name);
        Choice ToChoice(ListQuestionChoices.Item q) => new(q.Id, q.Text, q.IsRetired,
            q.CompetencyIds.Where(names.ContainsKey).Select(id => names[id]).Order().ToList(), q.CompetencyIds, selected.Contains(q.Id));
        var inKit = selected.Select(id => questions.FirstOrDefault(q => q.Id == id)).OfType<ListQuestionChoices.Item>().Select(ToChoice).ToList();
        var rest = questions.Where(q => !selected.Contains(q.Id)).ToList();
        var suggested = rest.Where(q => q.CompetencyIds.Any(focus.Contains)).Select(ToChoice).ToList();
        var others = rest.Where(q => !q.CompetencyIds.Any(focus.Contains)).Select(ToChoice).ToList();
        return View("~/Features/Rubrics/Components/QuestionPicker.cshtml", new Model(inKit, suggested, others));
    }
}

// Default interviewers: active staff with the Interviewer role, the posting's team first.
[ViewComponent(Name = "PlanInterviewerPicker")]
public sealed class InterviewerPickerViewComponent(ISender sender) : ViewComponent
{
    public sealed record Model(IReadOnlyList<ListInterviewers.Item> People, IReadOnlySet<Guid> Selected);

    public async Task<IViewComponentResult> InvokeAsync(Guid postingId, IEnumerable<Guid> selected)
    {
        var people = await sender.Send(new ListInterviewers.Query { PostingId = postingId }, HttpContext.RequestAborted);
        return View("~/Features/Rubrics/Components/InterviewerPicker.cshtml", new Model(people, selected.ToHashSet()));
    }
}

// Where a new stage goes: first, or after one of the current stages.
public sealed class StagePositionPickerViewComponent(ISender sender) : ViewComponent
{
    public sealed record Model(IReadOnlyList<GetInterviewPlan.Stage> Stages, Guid? Selected);

    public async Task<IViewComponentResult> InvokeAsync(Guid postingId, Guid? selected)
    {
        var plan = await sender.Send(new GetInterviewPlan.Query { PostingId = postingId }, HttpContext.RequestAborted);
        return View("~/Features/Rubrics/Components/StagePositionPicker.cshtml", new Model(plan.Stages, selected));
    }
}
