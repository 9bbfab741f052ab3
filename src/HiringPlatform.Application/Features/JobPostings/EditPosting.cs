using System.Text.RegularExpressions;
using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.JobPostings.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.JobPostings;

// Everything about a posting that is not its lifecycle: the job, the pay, the text, the screening questions
// and the hiring team. Guarded by the Version token so two people editing at once cannot overwrite each other.
public static partial class EditPosting
{
    public const int MaxMarkdownLength = 20_000;
    public const int MaxQuestions = 20;

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query(Guid Id) : IQuery<Command>;

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Guid>, IPostingTeamInput
    {
        public Guid Id { get; init; }
        public uint Version { get; init; }

        public string? Title { get; init; }
        public JobLevel Level { get; init; } = JobLevel.Senior;
        public string? Team { get; init; }
        public LocationType LocationType { get; init; }
        public string? Location { get; init; }
        public int? TimeZoneMinOffset { get; init; }
        public int? TimeZoneMaxOffset { get; init; }
        public EmploymentType EmploymentType { get; init; }

        public decimal? SalaryMin { get; init; }
        public decimal? SalaryMax { get; init; }
        public string? SalaryCurrency { get; init; } = "USD";
        public bool SalaryIsPublic { get; init; }
        public int? Headcount { get; init; } = 1;

        public string? DescriptionMarkdown { get; init; }
        public string? ResponsibilitiesMarkdown { get; init; }
        public string? QualificationsMarkdown { get; init; }
        public string? PerksMarkdown { get; init; }

        public List<QuestionInput> Questions { get; init; } = [];

        public List<Guid> RecruiterIds { get; init; } = [];
        public Guid? HiringManagerId { get; init; }
        public List<Guid> InterviewerIds { get; init; } = [];

        // Shown on the page, never changed by it.
        public PostingStatus Status { get; init; }
    }

    // Id is empty for a question added in this edit. A row left without text is dropped (how a question is
    // removed when the page runs without JavaScript).
    public sealed record QuestionInput
    {
        public Guid? Id { get; init; }
        public string? Text { get; init; }
        public ScreeningAnswerKind Kind { get; init; } = ScreeningAnswerKind.ShortText;
        public bool Required { get; init; }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    // The posting must be one the user's hiring team runs before any rule looks at it (ADR-0009).
    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct) =>
            await PostingAccess.EnsureCanSeePostingAsync(db, user, command.Id, ct);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user)
        {
            RuleFor(x => x.Title).NotEmpty().WithMessage("Give the posting a title.")
                .MaximumLength(200).WithMessage("The title can be at most 200 characters.");
            RuleFor(x => x.Level).IsInEnum().WithMessage("Choose a level.");
            RuleFor(x => x.Team).NotEmpty().WithMessage("Name the team or department.")
                .MaximumLength(100).WithMessage("The team name can be at most 100 characters.");
            RuleFor(x => x.LocationType).IsInEnum().WithMessage("Choose remote, hybrid or on-site.");
            RuleFor(x => x.Location).NotEmpty().When(x => x.LocationType != LocationType.Remote)
                .WithMessage("Say where the office is (city and country) for a hybrid or on-site role.");
            RuleFor(x => x.Location).MaximumLength(200).WithMessage("The location can be at most 200 characters.");
            RuleFor(x => x.TimeZoneMinOffset).InclusiveBetween(-12, 14).WithMessage("Choose an offset between UTC−12 and UTC+14.");
            RuleFor(x => x.TimeZoneMaxOffset).InclusiveBetween(-12, 14).WithMessage("Choose an offset between UTC−12 and UTC+14.");
            RuleFor(x => x.TimeZoneMaxOffset)
                .Must((x, max) => max >= x.TimeZoneMinOffset)
                .When(x => x.TimeZoneMinOffset is not null && x.TimeZoneMaxOffset is not null)
                .WithMessage("The latest time zone must not be west of the earliest one.");
            RuleFor(x => x.TimeZoneMaxOffset).NotNull()
                .When(x => x.TimeZoneMinOffset is not null)
                .WithMessage("Give both ends of the time-zone range, or neither.");
            RuleFor(x => x.TimeZoneMinOffset).NotNull()
                .When(x => x.TimeZoneMaxOffset is not null)
                .WithMessage("Give both ends of the time-zone range, or neither.");
            RuleFor(x => x.EmploymentType).IsInEnum().WithMessage("Choose the employment type.");

            RuleFor(x => x.SalaryMin).GreaterThanOrEqualTo(0).WithMessage("The minimum cannot be negative.")
                .LessThan(10_000_000_000m).WithMessage("That amount is too large.");
            RuleFor(x => x.SalaryMax).GreaterThanOrEqualTo(0).WithMessage("The maximum cannot be negative.")
                .LessThan(10_000_000_000m).WithMessage("That amount is too large.");
            RuleFor(x => x.SalaryMax)
                .Must((x, max) => max >= x.SalaryMin)
                .When(x => x.SalaryMin is not null && x.SalaryMax is not null)
                .WithMessage("The maximum must be at least the minimum.");
            RuleFor(x => x.SalaryCurrency).NotEmpty().WithMessage("Give the currency as a three-letter code, like USD or EUR.")
                .Matches(CurrencyCode()).WithMessage("Give the currency as a three-letter code, like USD or EUR.");
            RuleFor(x => x.SalaryIsPublic).Equal(false)
                .When(x => x.SalaryMin is null || x.SalaryMax is null)
                .WithMessage("Give both ends of the band before showing it publicly.");
            RuleFor(x => x.Headcount).NotNull().WithMessage("Say how many people you are hiring.")
                .InclusiveBetween(1, 100).WithMessage("The headcount must be between 1 and 100.");

            RuleFor(x => x.DescriptionMarkdown).MaximumLength(MaxMarkdownLength).WithMessage($"Keep this under {MaxMarkdownLength:N0} characters.");
            RuleFor(x => x.ResponsibilitiesMarkdown).MaximumLength(MaxMarkdownLength).WithMessage($"Keep this under {MaxMarkdownLength:N0} characters.");
            RuleFor(x => x.QualificationsMarkdown).MaximumLength(MaxMarkdownLength).WithMessage($"Keep this under {MaxMarkdownLength:N0} characters.");
            RuleFor(x => x.PerksMarkdown).MaximumLength(MaxMarkdownLength).WithMessage($"Keep this under {MaxMarkdownLength:N0} characters.");

            RuleFor(x => x.Questions).Must(q => q.Count(x => !string.IsNullOrWhiteSpace(x.Text)) <= MaxQuestions)
                .WithMessage($"A posting can ask at most {MaxQuestions} screening questions.");
            RuleForEach(x => x.Questions).ChildRules(q =>
            {
                q.RuleFor(x => x.Text).MaximumLength(500).WithMessage("A question can be at most 500 characters.");
                q.RuleFor(x => x.Kind).IsInEnum().WithMessage("Choose the kind of answer.");
            });

            this.AddTeamRules(db);
            // Removing yourself would lock you out of the posting in the middle of the edit. (Someone not on the
            // team is not told anything here: the handler answers "not found".)
            RuleFor(x => x)
                .MustAsync(async (x, ct) =>
                    x.RecruiterIds.Contains(user.Id!.Value) || x.HiringManagerId == user.Id || x.InterviewerIds.Contains(user.Id.Value)
                    || !await PostingAccess.IsMember(db, x.Id, user.Id.Value).AnyAsync(ct))
                .When(_ => !user.IsAdmin() && user.Id is not null)
                .OverridePropertyName("RecruiterIds")
                .WithMessage("You cannot take yourself off the team. Ask another team member or an admin to do it.");
            // The hiring manager approves the posting and its offers: only an admin or the current hiring manager
            // (handing over) may name someone else, so a recruiter cannot appoint anyone, least of all themselves.
            RuleFor(x => x.HiringManagerId)
                .MustAsync(async (x, hm, ct) =>
                {
                    var current = await PostingAccess.HiringManagerOfAsync(db, x.Id, ct);
                    return hm == current || current == user.Id;
                })
                .When(x => !user.IsAdmin() && x.HiringManagerId is not null)
                .WithMessage("Only an admin or the posting's current hiring manager can change who the hiring manager is.");
        }
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var command = await db.JobPostings.AsNoTracking().VisibleTo(user).Where(p => p.Id == query.Id)
                .Select(p => new Command
                {
                    Id = p.Id,
                    Version = p.Version,
                    Title = p.Title,
                    Level = p.Level,
                    Team = p.Team,
                    LocationType = p.LocationType,
                    Location = p.Location,
                    TimeZoneMinOffset = p.TimeZoneMinOffset,
                    TimeZoneMaxOffset = p.TimeZoneMaxOffset,
                    EmploymentType = p.EmploymentType,
                    SalaryMin = p.Salary.Min,
                    SalaryMax = p.Salary.Max,
                    SalaryCurrency = p.Salary.Currency,
                    SalaryIsPublic = p.Salary.IsPublic,
                    Headcount = p.Headcount,
                    DescriptionMarkdown = p.DescriptionMarkdown,
                    ResponsibilitiesMarkdown = p.ResponsibilitiesMarkdown,
                    QualificationsMarkdown = p.QualificationsMarkdown,
                    PerksMarkdown = p.PerksMarkdown,
                    Status = p.Status,
                    Questions = p.ScreeningQuestions.OrderBy(q => q.Order)
                        .Select(q => new QuestionInput { Id = q.Id, Text = q.Text, Kind = q.Kind, Required = q.Required }).ToList(),
                    RecruiterIds = p.TeamMembers.Where(m => m.Role == TeamRole.Recruiter).Select(m => m.UserId).ToList(),
                    HiringManagerId = p.TeamMembers.Where(m => m.Role == TeamRole.HiringManager).Select(m => (Guid?)m.UserId).FirstOrDefault(),
                    InterviewerIds = p.TeamMembers.Where(m => m.Role == TeamRole.Interviewer).Select(m => m.UserId).ToList(),
                })
                .AsSplitQuery()
                .SingleOrDefaultAsync(ct);
            return command ?? throw new NotFoundException("The posting");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var posting = await db.JobPostings.Include(p => p.TeamMembers).Include(p => p.ScreeningQuestions)
                .VisibleTo(user).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == command.Id, ct)
                ?? throw new NotFoundException("The posting");
            // The version the editor started from: if the row has changed since, the save fails and they are told.
            db.Entry(posting).Property(p => p.Version).OriginalValue = command.Version;
            posting.EnsureEditable();

            posting.Title = command.Title!.Trim();
            posting.Level = command.Level;
            posting.Team = command.Team!.Trim();
            posting.LocationType = command.LocationType;
            posting.Location = string.IsNullOrWhiteSpace(command.Location) ? null : command.Location.Trim();
            posting.TimeZoneMinOffset = command.TimeZoneMinOffset;
            posting.TimeZoneMaxOffset = command.TimeZoneMaxOffset;
            posting.EmploymentType = command.EmploymentType;
            var salary = new SalaryBand
            {
                Min = command.SalaryMin,
                Max = command.SalaryMax,
                Currency = command.SalaryCurrency!,
                IsPublic = command.SalaryIsPublic,
            };
            if (salary != posting.Salary) posting.Salary = salary;
            posting.Headcount = command.Headcount!.Value;
            posting.DescriptionMarkdown = command.DescriptionMarkdown?.Trim() ?? "";
            posting.ResponsibilitiesMarkdown = command.ResponsibilitiesMarkdown?.Trim() ?? "";
            posting.QualificationsMarkdown = command.QualificationsMarkdown?.Trim() ?? "";
            posting.PerksMarkdown = command.PerksMarkdown?.Trim() ?? "";
            posting.SetTeam(PostingTeamRules.Members(command));
            posting.ReplaceScreeningQuestions(Questions(posting, command.Questions));

            // Always touch the posting row, so the version check runs even when only its questions or team changed.
            posting.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return posting.Id;
        }

        // Existing questions keep their ids (answers already given refer to them); new rows become new questions.
        private static List<ScreeningQuestion> Questions(JobPosting posting, IReadOnlyList<QuestionInput> inputs)
        {
            var existing = posting.ScreeningQuestions.ToDictionary(q => q.Id);
            var result = new List<ScreeningQuestion>();
            foreach (var input in inputs.Where(i => !string.IsNullOrWhiteSpace(i.Text)))
            {
                var order = result.Count;
                if (input.Id is { } id && existing.Remove(id, out var question))
                {
                    question.Text = input.Text!.Trim();
                    question.Kind = input.Kind;
                    question.Required = input.Required;
                    question.Order = order;
                }
                else
                {
                    question = new ScreeningQuestion(posting.Id, order, $"custom-{Guid.CreateVersion7():N}", input.Text!.Trim(), input.Kind, input.Required);
                }
                result.Add(question);
            }
            return result;
        }
    }
}
