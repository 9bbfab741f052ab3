using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// A recruiter adds someone they sourced, or who was referred or sent by an agency, straight into a posting's first
// stage (a candidate is always in someone's pipeline, which is also what makes them visible to its hiring team).
public static class AddCandidate
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Guid>, CandidateRules.IContactInput
    {
        public string? FullName { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? Location { get; init; }
        public string? TimeZoneId { get; init; }
        public string? LinkedInUrl { get; init; }
        public string? GitHubUrl { get; init; }
        public string? WebsiteUrl { get; init; }
        public CandidateSource Source { get; init; } = CandidateSource.Sourced;
        public string? SourceDetail { get; init; }
        public Guid? PostingId { get; init; }

        // Comma-separated.
        public string? Tags { get; init; }
        public string? Note { get; init; }

        // The uploaded résumé, read by the controller.
        public string? ResumeFileName { get; init; }
        public long ResumeSize { get; init; }
        public byte[]? ResumeContent { get; init; }
    }

    public static IReadOnlyList<string> SplitTags(string? tags) =>
        (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Candidate.NormalizeTag).Where(t => t.Length > 0).Distinct().ToList();

    // The posting must be one of the user's before any rule looks at the input (ADR-0009).
    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct)
        {
            if (command.PostingId is { } id && !await db.CanSeePostingAsync(user, id, ct)) throw new NotFoundException("Posting");
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user)
        {
            CandidateRules.AddRules(this);
            RuleFor(c => c.Email)
                .MustAsync(async (email, ct) => !await db.Candidates.AnyAsync(c => c.Email == Candidate.NormalizeEmail(email!), ct))
                // Only for a request already authorised for one of the user's postings (the Authorizer): without a
                // posting, nobody may ask whether an email is known.
                .When(c => !string.IsNullOrWhiteSpace(c.Email) && c.PostingId is not null)
                .WithMessage("A candidate with this email already exists: search for them and add them to the posting from their profile.");
            RuleFor(c => c.Source).Must(s => s != CandidateSource.CareersSite)
                .WithMessage("Candidates from the careers site apply there; choose sourced, referral or agency.");
            // Stop at the first failure; a .When() here would also switch off NotEmpty and let a missing posting through.
            RuleFor(c => c.PostingId).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose the posting to add them to.")
                .MustAsync(async (id, ct) => await PostingAccess.CanSeePostingAsync(db, user, id!.Value, ct) &&
                                             await db.JobPostings.AnyAsync(p => p.Id == id && p.Status != PostingStatus.Closed, ct))
                .WithMessage("Choose one of your postings that is not closed.");
            RuleFor(c => c.Tags).Must(t => SplitTags(t).All(x => x.Length <= Candidate.MaxTagLength) && SplitTags(t).Count <= Candidate.MaxTags)
                .WithMessage($"Use at most {Candidate.MaxTags} tags of at most {Candidate.MaxTagLength} characters, separated by commas.");
            RuleFor(c => c.Note).MaximumLength(8000);
            RuleFor(c => c.ResumeSize).LessThanOrEqualTo(ResumeFile.MaxBytes).WithName("Résumé")
                .OverridePropertyName(nameof(Command.ResumeContent)).WithMessage("The résumé is larger than 5 MB.");
            RuleFor(c => c.ResumeContent).Must(c => ResumeFile.DetectContentType(c) is not null)
                .When(c => c.ResumeContent is { Length: > 0 } && c.ResumeSize <= ResumeFile.MaxBytes)
                .WithMessage("Upload a PDF or Word (.docx) file.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock, IFileStorage storage) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var candidate = new Candidate(command.FullName!, command.Email!);
            CandidateRules.Apply(candidate, command);
            foreach (var tag in SplitTags(command.Tags)) candidate.AddTag(tag);
            db.Candidates.Add(candidate);
            var by = await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "staff";
            db.ActivityEvents.Add(new ActivityEvent(candidate.Id, null, now, user.Id, ActivityKind.Added,
                $"Added by {by} ({Pipeline.SourceText(candidate.Source).ToLowerInvariant()}{(candidate.SourceDetail is null ? "" : ": " + candidate.SourceDetail)})"));

            var postingId = command.PostingId!.Value;
            var firstStage = await db.InterviewStages.Where(s => s.PostingId == postingId).OrderBy(s => s.Order).Select(s => s.Id).FirstAsync(ct);
            var application = new JobApplication(candidate.Id, postingId, firstStage, candidate.Source, candidate.SourceDetail, now);
            db.Applications.Add(application);
            db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, now, user.Id, ActivityKind.Applied,
                $"Added to {await Pipeline.PostingTitleAsync(db, postingId, ct)}"));

            if (command.ResumeContent is { Length: > 0 } content)
                await ResumeUpload.AddAsync(db, storage, candidate, command.ResumeFileName, content, user.Id, now, ct);
            if (!string.IsNullOrWhiteSpace(command.Note))
            {
                db.CandidateNotes.Add(new CandidateNote(candidate.Id, application.Id, user.RequireId(), command.Note.Trim()));
                db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, now, user.Id, ActivityKind.NoteAdded, $"Note added by {by}"));
            }
            await Duplicates.DetectAsync(db, candidate, now, ct);
            await db.SaveChangesAsync(ct);
            return candidate.Id;
        }
    }
}
