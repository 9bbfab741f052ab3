using FluentValidation;
using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Common.Security;

// Identity's own password validators (length, character classes as configured in Program.cs), run inside a
// FluentValidation rule so a weak password is reported next to the field like any other input error.
public static class PasswordRules
{
    public static IRuleBuilderOptionsConditions<T, string> MeetsPasswordPolicy<T>(this IRuleBuilder<T, string> rule, UserManager<AppUser> users) =>
        rule.CustomAsync(async (password, context, ct) =>
        {
            if (string.IsNullOrEmpty(password)) return;
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new AppUser(), password);
                foreach (var error in result.Errors) context.AddFailure(error.Description);
            }
        });

    // The rules in words, shown under password fields. No composition rules (NIST 800-63B 5.1.1.2): length, and
    // not a guessable password.
    public static string Describe(PasswordOptions o) =>
        $"Use at least {o.RequiredLength} characters. A few unrelated words work well; common passwords, and ones made of your name or email, are refused.";
}

// NIST 800-63B's blocklist check, done with zxcvbn (the zxcvbn-core package): it matches the password against its
// frequency lists (the most common leaked passwords, names, English words), keyboard patterns, sequences, repeats,
// dates and l33t substitutions, plus the person's own name and email, and estimates how many guesses it takes.
// Below score 3 ("safely unguessable: moderate protection from an offline slow-hash attack") it is refused. The
// lists ship inside the package, so nothing is sent anywhere (ADR-0015).
public sealed class GuessablePasswordValidator : IPasswordValidator<AppUser>
{
    public const int MinimumScore = 3;
    public const string Code = "PasswordGuessable";
    public const string Message = "This password is too easy to guess: it is a common password, or made of common words, names or patterns. Try a few unrelated words.";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var personal = new[] { user.Email, user.UserName, user.DisplayName }
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Append(v!))
            .Where(v => v.Length >= 3)
            .ToList();
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, personal);
        return Task.FromResult(result.Score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = Code, Description = Message }));
    }
}
