namespace HiringPlatform.Application.Common.Security;

// Two kinds of emailed link set a password, with different lifetimes: a password reset is asked for by the
// person and used at once, so it expires within hours; an invite waits in a new colleague's inbox for days.
// Both tokens embed the security stamp, so each works once: setting the password changes the stamp.
// The token providers are wired in Web (Web/Infrastructure/AccountTokenProviders.cs): they build on ASP.NET Core's
// DataProtectorTokenProvider, and Application does not reference the ASP.NET Core framework (ADR-0024).
public static class AccountTokens
{
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(3);
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(5);

    // The invite's token provider name and purpose, for UserManager.Generate/VerifyUserTokenAsync.
    public const string InviteProvider = "Invite";
    public const string InvitePurpose = "AcceptInvite";
}
