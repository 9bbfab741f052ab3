using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.Identity;
using ValidationException = HiringPlatform.Application.Common.Exceptions.ValidationException;

namespace HiringPlatform.Application.Common.Security;

// Security-sensitive changes (turning two-step off, new recovery codes) ask for the password again, so a session
// left open or stolen cannot weaken the account. Wrong guesses are slowed by the credential throttle (ADR-0015).
public static class Reauthentication
{
    public const string WrongPassword = "That is not your current password.";

    public static async Task RequirePasswordAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        if (!await users.CheckPasswordAsync(user, password))
            throw new ValidationException("CurrentPassword", WrongPassword);
    }
}
