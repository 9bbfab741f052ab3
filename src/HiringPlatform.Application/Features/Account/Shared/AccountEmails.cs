using System.Globalization;
using System.Text.Encodings.Web;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;

namespace HiringPlatform.Application.Features.Account.Shared;

// The emails that carry a set-password link. Queued in the outbox inside the command's transaction, so an
// invite is only sent if the account really was created.
public static class AccountEmails
{
    public static string SetPasswordPath(Guid userId, string token) =>
        $"/account/set-password?user={userId}&token={Uri.EscapeDataString(token)}";

    public static string ResetPasswordPath(Guid userId, string token) =>
        $"/account/reset-password?user={userId}&token={Uri.EscapeDataString(token)}";

    public static OutboxEmail Invite(AppUser user, IReadOnlyCollection<string> roles, string? invitedBy, IAppUrls urls, string token, DateTimeOffset now)
    {
        var link = urls.Absolute(SetPasswordPath(user.Id, token));
        var expires = (now + AccountTokens.InviteLifetime).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var who = string.IsNullOrWhiteSpace(invitedBy) ? "An administrator" : invitedBy;
        var roleText = string.Join(", ", roles.Select(Roles.DisplayName));
        var text = $"""
            Hello {user.DisplayName},

            {who} has created a HiringPlatform account for you ({roleText}).

            Choose your password to sign in:
            {link}

            The link works once and expires on {expires}. If it has expired, ask an admin to send a new invite.
            You will sign in with this email address: {user.Email}
            """;
        var html = Html(
            $"Hello {Encode(user.DisplayName)},",
            $"{Encode(who)} has created a HiringPlatform account for you ({Encode(roleText)}).",
            ButtonHtml(link, "Choose your password"),
            $"The link works once and expires on {expires}. If it has expired, ask an admin to send a new invite.",
            $"You will sign in with this email address: {Encode(user.Email ?? "")}");
        return new OutboxEmail(user.Email!, user.DisplayName, "Your HiringPlatform account is ready", text, html, now).WithSecretLink();
    }

    public static OutboxEmail PasswordReset(AppUser user, IAppUrls urls, string token, DateTimeOffset now)
    {
        var link = urls.Absolute(ResetPasswordPath(user.Id, token));
        var hours = (int)AccountTokens.ResetLifetime.TotalHours;
        var text = $"""
            Hello {user.DisplayName},

            Someone asked to reset the password of your HiringPlatform account. To choose a new password, open:
            {link}

            The link works once and expires in {hours} hours.
            If you did not ask for this, ignore this email: your password stays as it is.
            """;
        var html = Html(
            $"Hello {Encode(user.DisplayName)},",
            "Someone asked to reset the password of your HiringPlatform account.",
            ButtonHtml(link, "Choose a new password"),
            $"The link works once and expires in {hours} hours.",
            "If you did not ask for this, ignore this email: your password stays as it is.");
        return new OutboxEmail(user.Email!, user.DisplayName, "Reset your HiringPlatform password", text, html, now).WithSecretLink();
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    private static string ButtonHtml(string link, string label) =>
        $"<a href=\"{Encode(link)}\" style=\"display:inline-block;padding:10px 18px;background:#0d6efd;color:#fff;text-decoration:none;border-radius:6px\">{Encode(label)}</a>" +
        $"<br><span style=\"font-size:12px;color:#6c757d\">Or paste this address into your browser: {Encode(link)}</span>";

    // Paragraphs are already encoded by the callers.
    private static string Html(params string[] paragraphs) =>
        "<!DOCTYPE html><html><body style=\"font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:15px;line-height:1.5;color:#212529\">" +
        string.Concat(paragraphs.Select(p => $"<p>{p}</p>")) +
        "</body></html>";
}
