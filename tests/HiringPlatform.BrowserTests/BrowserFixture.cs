using HiringPlatform.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests;

// The real app on real Kestrel (a free loopback port), driven by Debian's Chromium through Playwright.
// No browser download: Playwright launches /usr/bin/chromium.
public sealed partial class BrowserFixture : AppFixture
{
    [System.Text.RegularExpressions.GeneratedRegex("/account/sign-in")]
    private static partial System.Text.RegularExpressions.Regex SignInPage();

    private IPlaywright? _playwright;

    private static readonly float Timeout = float.TryParse(Environment.GetEnvironmentVariable("BROWSER_TIMEOUT_MS"), out var ms) ? ms : 30_000;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected override string DatabaseName => "browser";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(Timeout);
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}. Run ./build.sh test (it installs Debian's chromium) or set CHROMIUM_PATH.");
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Generous limits for a shared 2-core machine under load (issue 12 part 7): web-first assertions retry until
        // these, so a fast machine never waits for them. BROWSER_TIMEOUT_MS overrides.
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout * 2);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(TestUser user, int width = 1280)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Web-first: wait for what a signed-in person sees (the page left the sign-in form, the layout offers
        // sign-out), retried until the timeout, never for load or network-idle events, which a busy machine delays.
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPage());
        await Assertions.Expect(page.Locator("form[action='/account/sign-out']")).ToBeAttachedAsync();
        return page;
    }

    // Fills the careers application form as a candidate would (labels, not ids), up to and including consent.
    public static async Task FillApplicationAsync(IPage page, Applicant a)
    {
        await page.GetByLabel("Full name").FillAsync(a.FullName);
        await page.GetByLabel("Email").FillAsync(a.Email);
        await page.GetByLabel("Where are you based?").FillAsync(a.Location);
        await page.GetByLabel("Time zone").SelectOptionAsync(a.TimeZone);
        await page.GetByLabel("GitHub profile").FillAsync(a.GitHub);
        await page.GetByLabel("Your résumé or CV").SetInputFilesAsync(new FilePayload
        {
            Name = a.ResumeName,
            MimeType = "application/pdf",
            Buffer = TestResumes.Pdf([a.FullName, .. a.ResumeLines]),
        });
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Amount per year").FillAsync(a.Salary);
        await page.GetByLabel("Currency").FillAsync(a.Currency);
        await page.GetByLabel("What is your notice period, or the earliest date you could start?").FillAsync(a.Notice);
        await page.Locator("#Consent").CheckAsync();
    }

    // Screenshots land in tests/HiringPlatform.BrowserTests/screenshots (ignored by git) for a person to look at.
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory.Split("/bin/")[0], "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : TestBase<BrowserFixture>(fixture);

public sealed record Applicant(string FullName, string Email, string Location, string TimeZone, string GitHub, string ResumeName,
    string[] ResumeLines, string Salary, string Currency, string Notice);
