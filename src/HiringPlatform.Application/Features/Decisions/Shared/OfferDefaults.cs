using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.JobPostings;

namespace HiringPlatform.Application.Features.Decisions.Shared;

internal static class OfferDefaults
{
    // A starting point the recruiter edits: the middle of the band (rounded to a thousand, but never rounded out of a band
    // narrower than that), starting in a month.
    public static Offer Draft(Guid applicationId, SalaryBand band, DateOnly today, Guid createdBy)
    {
        var salary = band switch
        {
            { Min: { } min, Max: { } max } when min <= max => Math.Clamp(Math.Round((min + max) / 2 / 1000m) * 1000m, min, max),
            { Min: { } min, Max: { } max } => Math.Round((min + max) / 2 / 1000m) * 1000m,
            { Min: { } min } => min,
            { Max: { } max } => max,
            _ => 0m,
        };
        var offer = new Offer(applicationId, salary, band.Currency, today.AddDays(30), null, createdBy);
        offer.CheckBand(band);
        return offer;
    }
}
