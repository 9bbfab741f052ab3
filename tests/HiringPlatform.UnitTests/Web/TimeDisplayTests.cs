using System.Security.Claims;
using HiringPlatform.Web.Infrastructure;

namespace HiringPlatform.UnitTests.Web;

public sealed class TimeDisplayTests
{
    private static readonly DateTimeOffset Winter = new(2026, 11, 23, 13, 5, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 1, 13, 5, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/Berlin", "23 Nov 2026, 14:05 CET")]
    [InlineData("America/New_York", "23 Nov 2026, 08:05 EST")]
    [InlineData("Asia/Kolkata", "23 Nov 2026, 18:35 IST")]
    [InlineData("Asia/Dubai", "23 Nov 2026, 17:05 UTC+04:00")]
    [InlineData("UTC", "23 Nov 2026, 13:05 UTC")]
    [InlineData("Not/AZone", "23 Nov 2026, 13:05 UTC")]
    public void Should_show_the_time_in_the_zone_with_its_abbreviation(string zone, string expected)
    {
        Assert.Equal(expected, TimeDisplay.Format(Winter, TimeDisplay.Find(zone)));
    }

    [Fact]
    public void Should_follow_daylight_saving_time()
    {
        Assert.Equal("1 Jul 2026, 15:05 CEST", TimeDisplay.Format(Summer, TimeDisplay.Find("Europe/Berlin")));
        Assert.Equal("1 Jul 2026", TimeDisplay.Format(Summer, TimeDisplay.Find("Europe/Berlin"), dateOnly: true));
    }

    [Fact]
    public void Should_take_the_zone_from_the_signed_in_persons_claim()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(AppClaimsPrincipalFactory.TimeZone, "Asia/Tokyo")], "test"));

        Assert.Equal("23 Nov 2026, 22:05 JST", TimeDisplay.Format(Winter, TimeDisplay.ZoneOf(user)));
        Assert.Equal(TimeZoneInfo.Utc, TimeDisplay.ZoneOf(new ClaimsPrincipal()));
    }
}
