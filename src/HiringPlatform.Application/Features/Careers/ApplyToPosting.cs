using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FluentValidation;
using HiringPlatform.Application.Common;
using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Common.Telemetry;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Features.Careers.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HiringPlatform.Application.Features.Careers;

// A candidate applies on the careers site. The candidate is found by email (case-insensitive) or created; the
// application starts in the posting's first stage; the résumé is stored (its text is extracted later, in the
// background); a confirmation email with a private status link is queued in the same transaction.
// Applying twice to one posting never makes a second application, even when two posts race.
public static partial class ApplyToPosting
{
    public const string ClosedMessage =
        "Sorry, this job stopped accepting applications while you were filling in the form. Nothing was sent or stored.";

    [AllowAnonymous]
    public sealed record Command : ICommand<Result>, IIdempotentCommand
    {
        public Guid PostingId { get; init; }
        // Made when the form is rendered: sending the same form twice applies once (IdempotencyBehaviour).
        public Guid? IdempotencyKey { get; init; }
        public string? FullName { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? Location { get; init; }
        public string? TimeZoneId { get; init; }
        public string? LinkedInUrl { get; init; }
        public string? GitHubUrl { get; init; }
        public string? WebsiteUrl { get; init; }
        // A List: MVC binds collections by filling the property's instance (see IPostingTeamInput).
        public List<AnswerInput> Answers { get; init; } = [];
        public string? Note { get; init; }
        public bool Consent { get; init; }

        // Honeypot: visually hidden and labelled "leave empty"; people never fill it, form-filling bots do.
        public string? Fax { get; init; }

        // Set by the web layer from the uploaded file, never bound from form fields.
        public UploadedFile? Resume { get; init; }

        public bool IsBot => !string.IsNullOrEmpty(Fax);
    }

    public sealed record AnswerInput
    {
        public Guid QuestionId { get; init; }
        public string? Value { get; init; }

        // Salary questions only.
        public string? Currency { get; init; }
    }

    public enum Outcome { Applied, AlreadyApplied, Ignored }

    public sealed record Result(Outcome Outcome, Guid? ApplicationId);

    [GeneratedRegex(@"^[0-9+()\-.\s/]{6,50}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            // A bot gets the normal confirmation whatever it typed: errors would only teach it the form.
            When(x => !x.IsBot, () =>
            {
                RuleFor(x => x.FullName).NotEmpty().WithMessage("Enter your full name.")
                    .MaximumLength(200).WithMessage("Your name can be at most 200 characters.");
                RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.")
                    .MaximumLength(320).WithMessage("Your email address can be at most 320 characters.")
                    .MustBeEmailAddress().WithMessage("Enter a valid email address, like name@example.com.");
                RuleFor(x => x.Phone).Matches(PhonePattern()).When(x => !string.IsNullOrWhiteSpace(x.Phone))
                    .WithMessage("Enter a phone number with digits, spaces and + ( ) - only.");
                RuleFor(x => x.Location).NotEmpty().WithMessage("Tell us where you are based, for example \"Lisbon, Portugal\".")
                    .MaximumLength(200).WithMessage("The location can be at most 200 characters.");
                RuleFor(x => x.TimeZoneId).NotEmpty().WithMessage("Choose your time zone.")
                    .Must(TimeZones.IsValid).When(x => !string.IsNullOrWhiteSpace(x.TimeZoneId))
                    .WithMessage("Choose your time zone from the list.");
                RuleFor(x => x.LinkedInUrl).Must(url => IsWebUrl(url, "linkedin.com")).When(x => !string.IsNullOrWhiteSpace(x.LinkedInUrl))
                    .WithMessage("Enter the address of your LinkedIn profile, like https://www.linkedin.com/in/your-name.");
                RuleFor(x => x.GitHubUrl).Must(url => IsWebUrl(url, "github.com")).When(x => !string.IsNullOrWhiteSpace(x.GitHubUrl))
                    .WithMessage("Enter the address of your GitHub profile, like https://github.com/your-name.");
                RuleFor(x => x.WebsiteUrl).Must(url => IsWebUrl(url, null)).When(x => !string.IsNullOrWhiteSpace(x.WebsiteUrl))
                    .WithMessage("Enter a full web address starting with https://.");
                RuleFor(x => x.Note).MaximumLength(4000).WithMessage("Keep the note under 4,000 characters.");
                RuleFor(x => x.Consent).Equal(true)
                    .WithMessage("Please agree to how we keep and use your data; we cannot consider your application without it.");

                RuleFor(x => x.Resume).NotNull().WithMessage("Choose your résumé: a PDF or Word (.docx) file of at most 5 MB.");
                RuleFor(x => x.Resume!).Cascade(CascadeMode.Stop)
                    .Must(f => f.Length > 0).WithMessage("That file is empty. Choose your résumé again.")
                    .Must(f => f.Length <= ResumeFile.MaxBytes).WithMessage("Your résumé is larger than 5 MB. Please upload a smaller file.")
                    .Must(f => ResumeFile.Detect(f.Content) is not null)
                    .WithMessage("Your résumé must be a PDF or a Word (.docx) document. This file is neither, whatever its name says.")
                    .When(x => x.Resume is not null);

                RuleFor(x => x.Answers).Must(a => a.Count <= 50).WithMessage("Too many answers.");
                RuleFor(x => x).CustomAsync(async (command, context, ct) =>
                {
                    // Only an open posting's questions: for any other the handler refuses the whole application anyway.
                    var questions = await db.ScreeningQuestions.AsNoTracking()
                        .Where(q => q.PostingId == command.PostingId
                                    && db.JobPostings.Any(p => p.Id == command.PostingId && p.Status == PostingStatus.Open))
                        .OrderBy(q => q.Order).Select(q => new { q.Id, q.Kind, q.Required }).ToListAsync(ct);
                    foreach (var question in questions)
                    {
                        var index = command.Answers.FindIndex(a => a.QuestionId == question.Id);
                        var prefix = index >= 0 ? $"Answers[{index}]" : "Answers";
                        var answer = index >= 0 ? command.Answers[index] : null;
                        var error = Check(question.Kind, question.Required, answer);
                        if (error is not null) context.AddFailure(index >= 0 ? $"{prefix}.{error.Value.Field}" : prefix, error.Value.Message);
                    }
                });
            });
        }

        private static (string Field, string Message)? Check(ScreeningAnswerKind kind, bool required, AnswerInput? answer)
        {
            var value = answer?.Value?.Trim();
            if (string.IsNullOrEmpty(value))
                return required ? ("Value", kind == ScreeningAnswerKind.YesNo ? "Please answer yes or no." : "Please answer this question.") : null;
            switch (kind)
            {
                case ScreeningAnswerKind.YesNo when value is not ("Yes" or "No"):
                    return ("Value", "Please answer yes or no.");
                case ScreeningAnswerKind.ShortText when value.Length > 200:
                    return ("Value", "Keep this answer under 200 characters.");
                case ScreeningAnswerKind.LongText when value.Length > 2000:
                    return ("Value", "Keep this answer under 2,000 characters.");
                case ScreeningAnswerKind.Salary:
                    if (!TryParseAmount(value, out var amount) || amount <= 0 || amount >= 10_000_000_000m)
                        return ("Value", "Enter an amount in numbers, like 150000.");
                    if (string.IsNullOrWhiteSpace(answer!.Currency) || !CurrencyPattern().IsMatch(answer.Currency.Trim().ToUpperInvariant()))
                        return ("Currency", "Give the currency as a three-letter code, like USD or EUR.");
                    return null;
                default:
                    return null;
            }
        }

        private static bool IsWebUrl(string? text, string? requiredHost) =>
            text!.Length <= 500
            && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Contains('.', StringComparison.Ordinal)
            && (requiredHost is null || uri.Host.Equals(requiredHost, StringComparison.OrdinalIgnoreCase)
                || uri.Host.EndsWith("." + requiredHost, StringComparison.OrdinalIgnoreCase));
    }

    internal static bool TryParseAmount(string text, out decimal amount) =>
        decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
            NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);

    public sealed partial class Handler(AppDbContext db, IFileStorage storage, IApplicationStatusTokens statusTokens,
        IOptions<CareersOptions> options, IAppUrls urls, TimeProvider clock, CommandScope scope, HiringMetrics metrics, ILogger<Handler> logger)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (command.IsBot)
            {
                LogHoneypot(command.PostingId);
                return new Result(Outcome.Ignored, null);
            }

            var posting = await db.JobPostings.AsNoTracking().Where(p => p.Id == command.PostingId && p.PublishedAt != null)
                .Select(p => new Posting(p.Id, p.Title, p.Status)).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("The job");
            if (posting.Status != PostingStatus.Open) throw new DomainException(ClosedMessage);
            var firstStageId = await db.InterviewStages.AsNoTracking().Where(s => s.PostingId == posting.Id)
                .OrderBy(s => s.Order).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(ClosedMessage);

            // Two posts at once (a double-click, two tabs) both pass the "already applied?" check; the unique
            // indexes on candidate email and (candidate, posting) stop the second. EF rolls its save back to a
            // savepoint, so the transaction lives on: look again, and the first post's rows are there.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await ApplyOnceAsync(command, posting, firstStageId, ct);
                }
                catch (DbUpdateException ex) when (IsUniqueViolation(ex))
                {
                    db.ChangeTracker.Clear();
                    if (attempt >= 2) return new Result(Outcome.AlreadyApplied, null);
                }
            }
        }

        private async Task<Result> ApplyOnceAsync(Command command, Posting posting, Guid firstStageId, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var email = Candidate.NormalizeEmail(command.Email!);
            // Serialises applies with the same email (the unique index no longer covers profiles that share one).
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({email}, 0))", ct);
            var sameEmail = await db.Candidates.AsNoTracking().Where(c => c.Email == email && c.MergedIntoId == null && c.ErasedAt == null)
                .Select(c => new { c.Id, c.SharesEmailWithOtherProfile }).ToListAsync(ct);
            var sameEmailIds = sameEmail.Select(c => c.Id).ToList();
            if (await db.Applications.AnyAsync(a => sameEmailIds.Contains(a.CandidateId) && a.PostingId == posting.Id, ct))
                return new Result(Outcome.AlreadyApplied, null);

            // Anyone can type anyone's email into a public form, so an application never touches an existing
            // profile: it gets a profile of its own (name, contact details and résumé as typed), flagged as a
            // possible duplicate of each profile with that email for a recruiter to merge or dismiss. Until then
            // neither team sees the other's data (ADR-0011).
            var candidate = sameEmail.Any(c => !c.SharesEmailWithOtherProfile)
                ? Candidate.ApplicantSharingEmail(command.FullName!, email)
                : new Candidate(command.FullName!, email);
            candidate.Source = CandidateSource.CareersSite;
            candidate.Phone = Clean(command.Phone);
            candidate.Location = Clean(command.Location);
            candidate.TimeZoneId = Clean(command.TimeZoneId);
            candidate.LinkedInUrl = Clean(command.LinkedInUrl);
            candidate.GitHubUrl = Clean(command.GitHubUrl);
            candidate.WebsiteUrl = Clean(command.WebsiteUrl);
            db.Candidates.Add(candidate);
            foreach (var other in sameEmailIds.Take(20))
                db.PossibleDuplicates.Add(new PossibleDuplicate(candidate.Id, other, Features.Candidates.Shared.Duplicates.SameEmail, now));
            // The same checks as a profile staff add (same name and phone, same LinkedIn).
            await Features.Candidates.Shared.Duplicates.DetectAsync(db, candidate, now, ct);

            var upload = command.Resume!;
            var format = ResumeFile.Detect(upload.Content)!.Value;
            var key = $"resumes/{Guid.CreateVersion7():N}";
            await storage.SaveAsync(key, upload.Content, ct);
            var file = new StoredFile(candidate.Id, FileKind.Resume, ResumeFile.SafeFileName(upload.FileName, format),
                ResumeFile.ContentType(format), upload.Content.LongLength, key, now);
            db.Files.Add(file);
            candidate.ResumeFileId = file.Id;

            var retentionMonths = (await SettingsCache.ReadAsync(db, ct)).RetentionMonths;
            var application = new JobApplication(candidate.Id, posting.Id, firstStageId, CandidateSource.CareersSite, null, now)
            {
                CoverNote = Clean(command.Note),
                ConsentedAt = now,
                ConsentRetentionMonths = retentionMonths,
            };
            var questions = await db.ScreeningQuestions.AsNoTracking().Where(q => q.PostingId == posting.Id).OrderBy(q => q.Order)
                .Select(q => new { q.Id, q.Text, q.Kind }).ToListAsync(ct);
            foreach (var question in questions)
            {
                var answer = command.Answers.FirstOrDefault(a => a.QuestionId == question.Id);
                if (string.IsNullOrWhiteSpace(answer?.Value)) continue;
                application.AddAnswer(question.Id, question.Text, Format(question.Kind, answer));
            }
            db.Applications.Add(application);
            db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, now, null, ActivityKind.Applied,
                $"Applied for {posting.Title} on the careers site"));

            var settings = options.Value;
            var token = statusTokens.Create(application.Id, now.AddDays(settings.StatusLinkDays));
            db.OutboxEmails.Add(ConfirmationEmail(settings, candidate, posting.Title, urls.Absolute($"/careers/my-application/{token}"),
                now, now.AddDays(settings.StatusLinkDays)));
            db.ActivityEvents.Add(new ActivityEvent(candidate.Id, application.Id, now, null, ActivityKind.EmailQueued,
                "Application confirmation email queued"));

            await db.SaveChangesAsync(ct);
            scope.AfterCommit(() => metrics.ApplicationsReceived.Add(1));
            return new Result(Outcome.Applied, application.Id);
        }

        private static OutboxEmail ConfirmationEmail(CareersOptions settings, Candidate candidate, string title, string link,
            DateTimeOffset now, DateTimeOffset validUntil)
        {
            var firstName = candidate.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? candidate.FullName;
            var until = validUntil.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            var company = settings.CompanyName;
            var text = $"""
                Hi {firstName},

                Thank you for applying for the {title} role at {company}. We have received your application and résumé, and the hiring team will review it.

                You can see where your application stands, or withdraw it, at any time with this private link:
                {link}

                The link is personal, so please don't share it. It works until {until}.

                {company} Recruiting
                """;
            string E(string s) => WebUtility.HtmlEncode(s);
            var html = $"""
                <p>Hi {E(firstName)},</p>
                <p>Thank you for applying for the <strong>{E(title)}</strong> role at {E(company)}. We have received your application and résumé, and the hiring team will review it.</p>
                <p>You can see where your application stands, or withdraw it, at any time with this private link:<br><a href="{E(link)}">View your application</a></p>
                <p>The link is personal, so please don't share it. It works until {E(until)}.</p>
                <p>{E(company)} Recruiting</p>
                """;
            return new OutboxEmail(candidate.Email, candidate.FullName, $"Your application for {title}", text, html, now, candidate.Id).WithSecretLink();
        }

        private static string Format(ScreeningAnswerKind kind, AnswerInput answer)
        {
            var value = answer.Value!.Trim();
            if (kind != ScreeningAnswerKind.Salary || !TryParseAmount(value, out var amount)) return value;
            return $"{amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {answer.Currency!.Trim().ToUpperInvariant()}";
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static bool IsUniqueViolation(DbUpdateException ex) =>
            ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

        private sealed record Posting(Guid Id, string Title, PostingStatus Status);

        [LoggerMessage(LogLevel.Information, "Honeypot filled on an application to posting {PostingId}; nothing stored")]
        private partial void LogHoneypot(Guid postingId);
    }
}
