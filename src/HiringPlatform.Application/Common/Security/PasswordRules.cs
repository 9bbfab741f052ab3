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

    // The rules in words, shown under password fields.
    public static string Describe(PasswordOptions o)
    {
        var parts = new List<string> { $"at least {o.RequiredLength} characters" };
        var classes = new List<string>();
        if (o.RequireUppercase) classes.Add("an upper-case letter");
        if (o.RequireLowercase) classes.Add("a lower-case letter");
        if (o.RequireDigit) classes.Add("a digit");
        if (o.RequireNonAlphanumeric) classes.Add("a symbol");
        if (classes.Count > 0) parts.Add("with " + string.Join(", ", classes[..^1]) + (classes.Count > 1 ? " and " : "") + classes[^1]);
        return "Use " + string.Join(", ", parts) + ".";
    }
}
