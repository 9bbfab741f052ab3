using HiringPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiringPlatform.Web.Features.Home;

public sealed class HomeController : Controller
{
    // One home page; it shows a section for each role the person holds (see Index.cshtml).
    [HttpGet("/")]
    public IActionResult Index() => View();

    [AllowAnonymous]
    [HttpGet("/error")]
    [HttpPost("/error")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error() => View("~/Features/Shared/Status.cshtml", 500);

    [AllowAnonymous]
    [HttpGet("/status/{code:int}")]
    [HttpPost("/status/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult StatusPage(int code)
    {
        // A throttled credential request: say when to come back, in the header and on the page.
        if (HttpContext.Items[CredentialThrottling.RetryAfterKey] is int seconds)
        {
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ViewData["RetryAfter"] = seconds;
        }
        return View("~/Features/Shared/Status.cshtml", code is >= 400 and < 600 ? code : 404);
    }
}
