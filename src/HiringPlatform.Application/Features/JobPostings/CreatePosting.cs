using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Templates;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings.Shared;
using Mediator;

namespace HiringPlatform.Application.Features.JobPostings;

public enum PostingStart { SeniorBackendTemplate, Blank }

// A new draft posting, from the built-in template (text, rubric, eight-stage plan, screening questions) or blank
// (one application-review stage). The recruiter who creates it is on its team.
public static class CreatePosting
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Guid>, IPostingTeamInput
    {
        public PostingStart Start { get; init; } = PostingStart.SeniorBackendTemplate;
        public string? Title { get; init; }
        public List<Guid> RecruiterIds { get; init; } = [];
        public Guid? HiringManagerId { get; init; }
        public List<Guid> InterviewerIds { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user)
        {
            RuleFor(x => x.Start).IsInEnum().WithMessage("Choose how to start the posting.");
            RuleFor(x => x.Title).NotEmpty().WithMessage("Give the posting a title.")
                .MaximumLength(200).WithMessage("The title can be at most 200 characters.");
            this.AddTeamRules(db);
            // The creator must end up on the team, or they could not see what they made. Recruiters are added
            // automatically; a hiring manager who is not a recruiter must be the hiring manager of their posting.
            RuleFor(x => x.HiringManagerId)
                .Must(id => id == user.Id)
                .When(x => x.HiringManagerId is not null && !user.IsInRole(Roles.Recruiter) && !user.IsAdmin())
                .WithMessage("You are not a recruiter, so you must be the hiring manager of postings you create.");
            RuleFor(x => x.RecruiterIds).NotEmpty()
                .When(_ => !user.IsInRole(Roles.Recruiter))
                .WithMessage("Choose at least one recruiter.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var creator = user.RequireId();
            var team = PostingTeamRules.Members(command, user.IsInRole(Roles.Recruiter) ? creator : null).ToList();
            var created = command.Start == PostingStart.SeniorBackendTemplate
                ? await TemplateLibrary.NewFromTemplateAsync(db, team, ct)
                : PostingFactory.Blank(command.Title!.Trim(), team);
            created.Posting.Title = command.Title!.Trim();
            TemplateLibrary.Add(db, created);
            await db.SaveChangesAsync(ct);
            return created.Posting.Id;
        }
    }
}
