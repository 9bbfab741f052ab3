using Microsoft.Playwright;

namespace HiringPlatform.BrowserTests;

public static class BrowserConsole
{
    // Console errors include Content-Security-Policy violations (a blocked inline style or script). A refused form
    // answers 422 on purpose, which Chromium logs too; the site has no favicon yet.
    public static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("status of 422", StringComparison.Ordinal)
                && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal)) problems.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }
}
