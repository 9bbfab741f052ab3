using HiringPlatform.Application.Features.Interviews;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Interviews.Components;

// The scheduling form's moving parts, each sending its query, so a re-rendered invalid form needs no code to refill them.

// Who and when: candidate, posting, and both time zones the scheduler has to think in.
public sealed class SchedulingContextViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid? applicationId, Guid? interviewId) =>
        View("~/Features/Interviews/Components/SchedulingContext.cshtml",
            await sender.Send(new GetSchedulingOptions.Query { ApplicationId = applicationId, InterviewId = interviewId }));
}

public sealed record StageSelectModel(string Name, Guid Selected, GetSchedulingOptions.Model Options);

// The posting's stages; each option carries its default duration and interviewers for interviews.js.
public sealed class InterviewStageSelectViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid applicationId, string name, Guid selected) =>
        View("~/Features/Interviews/Components/InterviewStageSelect.cshtml",
            new StageSelectModel(name, selected, await sender.Send(new GetSchedulingOptions.Query { ApplicationId = applicationId })));
}

public sealed record InterviewerPickerModel(string Name, IReadOnlyCollection<Guid> Selected, GetSchedulingOptions.Model Options);

// A checkbox list (easier than a multi-select on a phone) of the posting's team and the stages' default interviewers.
public sealed class InterviewerPickerViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid applicationId, string name, IReadOnlyCollection<Guid> selected) =>
        View("~/Features/Interviews/Components/InterviewerPicker.cshtml",
            new InterviewerPickerModel(name, selected, await sender.Send(new GetSchedulingOptions.Query { ApplicationId = applicationId })));
}
