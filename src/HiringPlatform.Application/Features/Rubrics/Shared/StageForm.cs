using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics.Shared;

// What adding and editing a stage share.
public interface IStageForm
{
    Guid PostingId { get; }
    Guid? StageId { get; }
    string Name { get; }
    StageKind Kind { get; }
    int DurationMinutes { get; }
    List<Guid> FocusCompetencyIds { get; }
    List<Guid> QuestionIds { get; }
    List<Guid> InterviewerIds { get; }
}

public sealed class StageFormValidator : AbstractValidator<IStageForm>
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 8 * 60;

    public StageFormValidator(AppDbContext db, ICurrentUser user)
    {
        RuleFor(s => s.Name).NotEmpty().WithMessage("Name the stage.")
            .MaximumLength(100).WithMessage("Keep the name under 100 characters.");
        RuleFor(s => s.Kind).IsInEnum().WithMessage("Choose what kind of stage this is.");
        RuleFor(s => s.DurationMinutes).InclusiveBetween(MinMinutes, MaxMinutes)
            .WithMessage($"A stage takes between {MinMinutes} minutes and 8 hours ({MaxMinutes} minutes).");

        // Cross-record rules only for people who can see the posting; the handler answers everyone else with NotFound.
        WhenAsync((s, ct) => PostingAccess.CanSeePostingAsync(db, user, s.PostingId, ct), () =>
        {
            RuleFor(s => s.Name).MustAsync(async (form, name, ct) =>
                {
                    var wanted = name.Trim().ToLower();
                    return !await db.InterviewStages.AnyAsync(s => s.PostingId == form.PostingId && s.Id != form.StageId && s.Name.ToLower() == wanted, ct);
                })
                .When(s => !string.IsNullOrWhiteSpace(s.Name))
                .WithMessage("Another stage of this plan already has this name.");

            RuleFor(s => s.FocusCompetencyIds).CustomAsync(async (ids, context, ct) =>
            {
                if (ids.Count == 0) return;
                var postingId = context.InstanceToValidate.PostingId;
                var rubric = await db.RubricItems.Where(r => r.PostingId == postingId).Select(r => r.CompetencyId).ToListAsync(ct);
                var outside = ids.Distinct().Where(id => !rubric.Contains(id)).ToList();
                if (outside.Count == 0) return;
                var names = await db.Competencies.Where(c => outside.Contains(c.Id)).Select(c => c.Name).ToListAsync(ct);
                context.AddFailure(names.Count == 0
                    ? "Focus competencies must come from this posting's rubric."
                    : $"Focus competencies must come from this posting's rubric: {string.Join(", ", names)} {(names.Count == 1 ? "is" : "are")} not in it. Add {(names.Count == 1 ? "it" : "them")} to the rubric first.");
            });

            RuleFor(s => s.QuestionIds).MustAsync(async (form, ids, ct) =>
                {
                    var wanted = ids.Distinct().ToList();
                    if (wanted.Count == 0) return true;
                    List<Guid> already = form.StageId is null ? [] : await db.Set<StageQuestion>().Where(q => q.StageId == form.StageId)
                        .Select(q => q.QuestionId).ToListAsync(ct);
                    var ok = await db.Questions.CountAsync(q => wanted.Contains(q.Id) && (!q.IsRetired || already.Contains(q.Id)), ct);
                    return ok == wanted.Count;
                })
                .WithMessage("Pick questions from the bank; retired questions cannot be added to a kit.");

            RuleFor(s => s.InterviewerIds).MustAsync(async (ids, ct) =>
                {
                    var wanted = ids.Distinct().ToList();
                    if (wanted.Count == 0) return true;
                    var ok = await InterviewerPool(db).CountAsync(u => wanted.Contains(u.Id), ct);
                    return ok == wanted.Count;
                })
                .WithMessage("Default interviewers must be active staff with the Interviewer role.");
        });
    }

    // Active people who hold the Interviewer role (hiring managers often do too).
    public static IQueryable<AppUser> InterviewerPool(AppDbContext db) =>
        from u in db.Users
        where u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Interviewer))
        select u;
}
