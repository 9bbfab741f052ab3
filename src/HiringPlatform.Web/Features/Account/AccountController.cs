using System.ComponentModel.DataAnnotations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
// Some use cases share their names with the actions that send them.
using UseCases = HiringPlatform.Application.Features.Account;

namespace HiringPlatform.Web.Features.Account;

// Signing in is Identity's own plumbing (cookies, lockout, two-step), so those actions talk to SignInManager
// directly. Everything that changes an account (passwords, profile, two-step set-up) goes through the mediator,
// so it is validated, runs in one transaction and leaves an audit entry.
[Route("account")]
public sealed class AccountController(SignInManager<AppUser> signIn, UserManager<AppUser> users, ISender sender) : Controller
{
    private const string RecoveryCodesKey = "RecoveryCodes";
    private const string NoMatch = "That email and password do not match an account.";

    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl, string? email) => View(new SignInForm { ReturnUrl = returnUrl, Email = email ?? "" });

    [AllowAnonymous]
    [HttpPost("sign-in")]
    [ComposedForm]
    [Throttled(ThrottledAccount.FormEmail)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid) return View(form);
        // Unknown, deactivated, locked and known accounts all cost one password hash and get the same answer
        // (ADR-0015); guessing is slowed by the throttle, not by locking the account.
        var user = await users.FindByEmailAsync(form.Email);
        if (user is null || user.IsActive is false || await users.IsLockedOutAsync(user))
        {
            var matches = user is null ? VerifyAgainstDummy(form.Password) : await users.CheckPasswordAsync(user, form.Password);
            // Only someone who knows the password learns that the account was deactivated.
            ModelState.AddModelError(string.Empty, matches && user is { IsActive: false }
                ? "This account has been deactivated. Ask an admin if you need access again."
                : NoMatch);
            return View(form);
        }
        var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor) CredentialThrottling.IssueDeviceCookie(HttpContext, form.Email);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToAction(nameof(TwoFactor), new { form.ReturnUrl, form.RememberMe });
        ModelState.AddModelError(string.Empty, NoMatch);
        return View(form);
    }

    // The same PBKDF2 work as a real check, so an unknown address answers no faster than a known one.
    private bool VerifyAgainstDummy(string password)
    {
        var dummy = new AppUser();
        _dummyHash ??= users.PasswordHasher.HashPassword(dummy, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(dummy, _dummyHash, password);
        return false;
    }

    private static string? _dummyHash;

    [AllowAnonymous]
    [HttpGet("two-factor")]
    public IActionResult TwoFactor(string? returnUrl, bool rememberMe) => View(new TwoFactorForm { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [AllowAnonymous]
    [HttpPost("two-factor")]
    [ComposedForm]
    [Throttled(ThrottledAccount.TwoFactorUser)]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var code = form.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, form.RememberDevice);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        ModelState.AddModelError(nameof(form.Code), "That code is not valid, or was used already. Codes change every 30 seconds.");
        return View(form);
    }

    // For someone without their phone: one of the recovery codes shown when two-step verification was turned on.
    [AllowAnonymous]
    [HttpGet("recovery-code")]
    public IActionResult RecoveryCode(string? returnUrl) => View(new RecoveryCodeForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("recovery-code")]
    [ComposedForm]
    [Throttled(ThrottledAccount.TwoFactorUser)]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeForm form)
    {
        // Without a password step in progress there is nothing to finish: back to sign-in, whatever was posted.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(SignIn));
        if (!ModelState.IsValid) return View(form);
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            TempData["Flash"] = "Signed in with a recovery code. That code cannot be used again: if you have few left, make new ones on your profile.";
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(SignIn));
        ModelState.AddModelError(nameof(form.Code), "That recovery code is not valid, or was used already.");
        return View(form);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutPost()
    {
        // A new security stamp ends this session on the server too: a copy of the cookie made before now is
        // refused on its next request (SessionCookies checks the stamp on every request).
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(SignIn));
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied() => View("~/Features/Shared/Status.cshtml", 403);

    // ---- Forgotten password and emailed links

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new RequestPasswordReset.Command());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    [Throttled(ThrottledAccount.FormEmail)]
    public async Task<IActionResult> ForgotPassword(RequestPasswordReset.Command command, CancellationToken ct)
    {
        await sender.Send(command, ct);
        // The same answer whether or not the address has an account.
        return RedirectToAction(nameof(ForgotPasswordSent));
    }

    [AllowAnonymous]
    [HttpGet("forgot-password/sent")]
    public IActionResult ForgotPasswordSent() => View();

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public Task<IActionResult> ResetPassword(Guid user, string? token, CancellationToken ct) => PasswordLinkPage(user, token, invite: false, ct);

    // Invites share the reset form: both set a password from an emailed link.
    [AllowAnonymous]
    [HttpGet("set-password")]
    public Task<IActionResult> SetPassword(Guid user, string? token, CancellationToken ct) => PasswordLinkPage(user, token, invite: true, ct);

    private async Task<IActionResult> PasswordLinkPage(Guid user, string? token, bool invite, CancellationToken ct)
    {
        var command = new UseCases.ResetPassword.Command { UserId = user, Token = token ?? "", Invite = invite };
        if (!await sender.Send(new UseCases.ResetPassword.CheckLink { UserId = user, Token = command.Token, Invite = invite }, ct))
            ModelState.AddModelError(nameof(command.Token), UseCases.ResetPassword.InvalidLink);
        return View(nameof(ResetPassword), command);
    }

    [AllowAnonymous]
    [HttpPost("reset-password")]
    [Throttled(ThrottledAccount.FormUserId)]
    public async Task<IActionResult> ResetPassword(UseCases.ResetPassword.Command command, CancellationToken ct)
    {
        await sender.Send(command, ct);
        // Whoever was signed in on this browser (perhaps someone else) is not the person who just set a password.
        await signIn.SignOutAsync();
        var user = await users.FindByIdAsync(command.UserId.ToString());
        TempData["Flash"] = command.Invite ? "Your password is set. Sign in to get started." : "Your password has been changed. Sign in with the new one.";
        return RedirectToAction(nameof(SignIn), new { email = user?.Email });
    }

    // ---- Profile

    [HttpGet("profile")]
    public async Task<IActionResult> Profile(CancellationToken ct) => View(await sender.Send(new UpdateProfile.Query(), ct));

    [HttpPost("profile")]
    public async Task<IActionResult> Profile(UpdateProfile.Command command, CancellationToken ct)
    {
        await sender.Send(command, ct);
        await RefreshSignInAsync();
        TempData["Flash"] = "Your profile has been saved.";
        return RedirectToAction(nameof(Profile));
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new UseCases.ChangePassword.Command());

    [HttpPost("password")]
    [Throttled(ThrottledAccount.SignedInUser)]
    public async Task<IActionResult> ChangePassword(UseCases.ChangePassword.Command command, CancellationToken ct)
    {
        await sender.Send(command, ct);
        // The password change renewed the security stamp: re-issue this browser's cookie so it stays signed in
        // while other sessions end.
        await RefreshSignInAsync();
        TempData["Flash"] = "Your password has been changed. Other devices will be signed out.";
        return RedirectToAction(nameof(Profile));
    }

    // ---- Two-step verification

    [HttpGet("two-factor/setup")]
    public async Task<IActionResult> TwoFactorSetup(CancellationToken ct)
    {
        var security = await sender.Send(new GetAccountSecurity.Query(), ct);
        if (security.TwoFactorEnabled)
        {
            TempData["Flash"] = "Two-step verification is already on.";
            return RedirectToAction(nameof(Profile));
        }
        await sender.Send(new PrepareAuthenticator.Command(), ct);
        // A new authenticator key renews the security stamp: keep this browser's cookie current.
        await RefreshSignInAsync();
        return View(new EnableTwoFactor.Command());
    }

    [HttpPost("two-factor/setup")]
    [Throttled(ThrottledAccount.SignedInUser)]
    public async Task<IActionResult> TwoFactorSetup(EnableTwoFactor.Command command, CancellationToken ct)
    {
        var codes = await sender.Send(command, ct);
        await RefreshSignInAsync();
        TempData[RecoveryCodesKey] = string.Join('\n', codes);
        return RedirectToAction(nameof(RecoveryCodes));
    }

    [HttpPost("two-factor/restart")]
    public async Task<IActionResult> RestartTwoFactorSetup(CancellationToken ct)
    {
        await sender.Send(new PrepareAuthenticator.Command { Restart = true }, ct);
        await RefreshSignInAsync();
        TempData["Flash"] = "A new key has been made. Add it to your app, then enter the code it shows.";
        return RedirectToAction(nameof(TwoFactorSetup));
    }

    // Shown once, straight after they were made; a reload shows nothing.
    [HttpGet("two-factor/recovery-codes")]
    public IActionResult RecoveryCodes()
    {
        if (TempData[RecoveryCodesKey] is not string codes) return RedirectToAction(nameof(Profile));
        return View(codes.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [HttpPost("two-factor/recovery-codes")]
    [ComposedForm]
    [Throttled(ThrottledAccount.SignedInUser)]
    public async Task<IActionResult> RegenerateRecoveryCodes(UseCases.RegenerateRecoveryCodes.Command command, CancellationToken ct)
    {
        var result = await this.SendFormAsync(sender, command, codes =>
        {
            TempData[RecoveryCodesKey] = string.Join('\n', codes);
            return RedirectToAction(nameof(RecoveryCodes));
        }, ProfileAgain, ct);
        if (result is RedirectToActionResult) await RefreshSignInAsync();
        return result;
    }

    [HttpPost("two-factor/disable")]
    [ComposedForm]
    [Throttled(ThrottledAccount.SignedInUser)]
    public async Task<IActionResult> DisableTwoFactor(UseCases.DisableTwoFactor.Command command, CancellationToken ct)
    {
        var result = await this.SendFormAsync(sender, command, _ => this.Done("Two-step verification is off.", RedirectToAction(nameof(Profile))), ProfileAgain, ct);
        if (result is RedirectToActionResult) await RefreshSignInAsync();
        return result;
    }

    private async Task<IActionResult> ProfileAgain() => View(nameof(Profile), await sender.Send(new UpdateProfile.Query()));

    // Claims in the cookie (name, time zone, two-step status) follow the change at once.
    private async Task RefreshSignInAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null) await signIn.RefreshSignInAsync(user);
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorForm
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [Display(Name = "Authenticator code")]
    public string Code { get; set; } = "";

    [Display(Name = "Don't ask again on this device")]
    public bool RememberDevice { get; set; }

    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeForm
{
    [Required(ErrorMessage = "Enter one of your recovery codes.")]
    [Display(Name = "Recovery code")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
