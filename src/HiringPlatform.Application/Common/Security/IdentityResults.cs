using FluentValidation.Results;
using HiringPlatform.Application.Common.Exceptions;
using Microsoft.AspNetCore.Identity;

namespace HiringPlatform.Application.Common.Security;

// Identity reports problems as result codes; turn them into the errors the forms already know how to show.
public static class IdentityResults
{
    public const string ConcurrencyMessage =
        "Someone else changed this account while you were editing it. The page now shows the current version; make your change again if it still applies.";

    public static void ThrowIfFailed(this IdentityResult result, string emailField = "Email", string passwordField = "Password")
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            throw new ConcurrencyConflictException(ConcurrencyMessage);
        throw new ValidationException(result.Errors.Select(e => new ValidationFailure(FieldOf(e.Code, emailField, passwordField), e.Description)));
    }

    private static string FieldOf(string code, string emailField, string passwordField) => code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail)
            or nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => emailField,
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
        _ => string.Empty,
    };
}
