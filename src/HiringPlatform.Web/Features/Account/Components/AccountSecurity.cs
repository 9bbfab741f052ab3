using HiringPlatform.Application.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace HiringPlatform.Web.Features.Account.Components;

// The password and two-step sections of the profile page. A view component, so the page re-rendered after a
// failed profile save shows them without the action having to fetch them.
public sealed class AccountSecurityViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Account/Components/AccountSecurity.cshtml", await sender.Send(new GetAccountSecurity.Query(), HttpContext.RequestAborted));
}

// The key to add to an authenticator app, as text and as a QR code of its otpauth:// address.
public sealed class AuthenticatorKeyViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var key = await sender.Send(new GetAuthenticatorKey.Query(), HttpContext.RequestAborted);
        return View("~/Features/Account/Components/AuthenticatorKey.cshtml", (key, key is null ? null : QrCodeDataUri(key.AuthenticatorUri)));
    }

    // A PNG in a data: URI: the Content-Security-Policy allows data: images, and the secret never leaves the page.
    private static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
