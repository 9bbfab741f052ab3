using FluentValidation;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// The rejection rules and emails shared by the single and the bulk rejection.
public static class Rejection
{
    public sealed record EmailTemplate(string Key, string Name, string Subject, string Body);

    // Short, kind and final; no reason is given to the candidate (the structured reason is for internal reporting).
    public static readonly IReadOnlyList<EmailTemplate> Templates =
    [
        new("after-review", "After application review",
            "Your application for {posting}",
            """
            Hi {first_name},

            Thank you for applying for the {posting} role and for the time you put into your application.

            We have reviewed it carefully and decided not to move forward at this stage. We know this is not the news you hoped for.

            We wish you every success in your search.

            The hiring team
            """),
        new("after-interviews", "After interviews",
            "Your interviews for {posting}",
            """
            Hi {first_name},

            Thank you for the time you spent interviewing with us for the {posting} role. Everyone who met you appreciated the conversations.

            After a lot of thought we have decided not to make an offer. This was a hard decision, and it is not a judgement of your ability as an engineer.

            We would be glad to hear from you again for future roles.

            The hiring team
            """),
        new("position-filled", "Position filled",
            "The {posting} role has been filled",
            """
            Hi {first_name},

            Thank you for your interest in the {posting} role. We wanted to let you know that the position has now been filled, so we are closing your application.

            We will keep you in mind for similar roles, and we hope you will apply again.

            The hiring team
            """),
    ];

    public static EmailTemplate? Template(string? key) => Templates.FirstOrDefault(t => t.Key == key);

    public static OutboxEmail Email(EmailTemplate template, Candidate candidate, string postingTitle, DateTimeOffset at)
    {
        var firstName = candidate.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? candidate.FullName;
        string Fill(string text) => text.Replace("{first_name}", firstName, StringComparison.Ordinal).Replace("{posting}", postingTitle, StringComparison.Ordinal);
        return new OutboxEmail(candidate.Email, candidate.FullName, Fill(template.Subject), Fill(template.Body), null, at, candidate.Id);
    }

    // The fields a rejection form carries, whichever use case sends them.
    public interface IReasonInput
    {
        RejectionReason? Reason { get; }
        Guid? CompetencyId { get; }
        string? Note { get; }
        bool SendEmail { get; }
        string? EmailTemplate { get; }
    }

    public static void AddRules<T>(AbstractValidator<T> validator, AppDbContext db, Func<T, CancellationToken, Task<Guid?>> postingOf)
        where T : IReasonInput
    {
        validator.RuleFor(c => c.Reason).NotNull().WithMessage("Choose a reason.").IsInEnum();
        validator.RuleFor(c => c.Note).MaximumLength(JobApplication.MaxRejectionNoteLength);
        validator.RuleFor(c => c.Note).NotEmpty().When(c => c.Reason == RejectionReason.Other)
            .WithMessage("Add a note explaining the reason.");
        validator.RuleFor(c => c.CompetencyId).NotEmpty().When(c => c.Reason == RejectionReason.SkillsGap)
            .WithMessage("Name the competency that is missing.");
        validator.RuleFor(c => c.CompetencyId)
            .MustAsync(async (command, competencyId, ct) =>
            {
                var postingId = await postingOf(command, ct);
                return postingId is null || await db.RubricItems.AnyAsync(r => r.PostingId == postingId && r.CompetencyId == competencyId, ct);
            })
            .When(c => c.Reason == RejectionReason.SkillsGap && c.CompetencyId is not null)
            .WithMessage("Choose a competency from this posting's rubric.");
        validator.RuleFor(c => c.EmailTemplate).Must(k => Template(k) is not null).When(c => c.SendEmail)
            .WithMessage("Choose the email to send.");
    }

    public static string Summary(RejectionReason reason, string? competencyName, string postingTitle) =>
        $"Rejected: {Pipeline.ReasonText(reason)}{(competencyName is null ? "" : $" ({competencyName})")} · {postingTitle}";

    // Rejects one application and queues the chosen email; the caller saves. The candidate's record and the
    // timeline follow from the ApplicationRejected event (ApplicationHistory), interviews and offers too (ADR-0022).
    public static void Apply(AppDbContext db, JobApplication application, Candidate candidate, IReasonInput input,
        string postingTitle, Guid? actorId, DateTimeOffset now)
    {
        application.Reject(input.Reason!.Value, input.CompetencyId, input.Note, now);
        if (input.SendEmail && Template(input.EmailTemplate) is { } template)
        {
            db.OutboxEmails.Add(Email(template, candidate, postingTitle, now));
            db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, now, actorId, ActivityKind.EmailQueued,
                $"Rejection email queued: {template.Name}"));
        }
    }
}
