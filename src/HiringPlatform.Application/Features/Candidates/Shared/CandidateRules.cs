using FluentValidation;
using HiringPlatform.Application.Common;
using HiringPlatform.Application.Domain.Candidates;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// Field rules shared by adding and editing a candidate.
public static class CandidateRules
{
    public interface IContactInput
    {
        string? FullName { get; }
        string? Email { get; }
        string? Phone { get; }
        string? Location { get; }
        string? TimeZoneId { get; }
        string? LinkedInUrl { get; }
        string? GitHubUrl { get; }
        string? WebsiteUrl { get; }
        CandidateSource Source { get; }
        string? SourceDetail { get; }
    }

    public static void AddRules<T>(AbstractValidator<T> v) where T : IContactInput
    {
        v.RuleFor(c => c.FullName).NotEmpty().WithMessage("Enter the candidate's name.").MaximumLength(200);
        v.RuleFor(c => c.Email).NotEmpty().WithMessage("Enter an email address.").MaximumLength(320)
            .MustBeEmailAddress().WithMessage("Enter a valid email address.");
        v.RuleFor(c => c.Phone).MaximumLength(50)
            .Matches(@"^\+?[0-9 ().\-/]{5,}$").When(c => !string.IsNullOrWhiteSpace(c.Phone))
            .WithMessage("Enter a phone number using digits, spaces and + ( ) - only.");
        v.RuleFor(c => c.Location).MaximumLength(200);
        v.RuleFor(c => c.TimeZoneId).MaximumLength(100)
            .Must(TimeZones.IsValid).When(c => !string.IsNullOrWhiteSpace(c.TimeZoneId))
            .WithMessage("Choose a time zone from the list, for example Europe/Berlin.");
        v.RuleFor(c => c.LinkedInUrl).MaximumLength(500).Must(BeWebAddress).WithMessage("Enter a full web address starting with https://.")
            .Must(u => u is null || u.Contains("linkedin.", StringComparison.OrdinalIgnoreCase)).WithMessage("Enter a LinkedIn profile address.");
        v.RuleFor(c => c.GitHubUrl).MaximumLength(500).Must(BeWebAddress).WithMessage("Enter a full web address starting with https://.");
        v.RuleFor(c => c.WebsiteUrl).MaximumLength(500).Must(BeWebAddress).WithMessage("Enter a full web address starting with https://.");
        v.RuleFor(c => c.Source).IsInEnum();
        v.RuleFor(c => c.SourceDetail).MaximumLength(200);
        v.RuleFor(c => c.SourceDetail).NotEmpty().When(c => c.Source == CandidateSource.Referral).WithMessage("Who referred them?");
        v.RuleFor(c => c.SourceDetail).NotEmpty().When(c => c.Source == CandidateSource.Agency).WithMessage("Which agency?");
    }

    private static bool BeWebAddress(string? value) =>
        string.IsNullOrWhiteSpace(value) ||
        (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Apply(Candidate candidate, IContactInput input)
    {
        candidate.FullName = input.FullName!.Trim();
        candidate.SetEmail(input.Email!);
        candidate.Phone = Clean(input.Phone);
        candidate.Location = Clean(input.Location);
        candidate.TimeZoneId = Clean(input.TimeZoneId);
        candidate.LinkedInUrl = Clean(input.LinkedInUrl);
        candidate.GitHubUrl = Clean(input.GitHubUrl);
        candidate.WebsiteUrl = Clean(input.WebsiteUrl);
        candidate.Source = input.Source;
        candidate.SourceDetail = Clean(input.SourceDetail);
    }
}
