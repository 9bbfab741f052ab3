using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Application.Features.Decisions.Shared;

namespace HiringPlatform.UnitTests.Decisions;

public sealed class OfferDefaultsTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(150_000, 190_000, 170_000)]
    [InlineData(100_100, 100_400, 100_100)] // the midpoint rounds to 100,000, below the band: the band's floor instead
    [InlineData(99_600, 99_900, 99_900)] // rounds to 100,000, above the band: its ceiling
    public void Should_start_from_the_middle_of_the_band_and_never_outside_it(int min, int max, int expected)
    {
        var band = new SalaryBand { Min = min, Max = max, Currency = "EUR" };

        var offer = OfferDefaults.Draft(Guid.NewGuid(), band, Today, Guid.NewGuid());

        Assert.Equal(expected, offer.Salary);
        Assert.False(offer.OutsideBand);
        Assert.Equal(Today.AddDays(30), offer.StartDate);
    }
}
