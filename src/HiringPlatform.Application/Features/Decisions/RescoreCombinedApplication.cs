using HiringPlatform.Application.Common.Events;
using HiringPlatform.Application.Common.Scoring;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;

namespace HiringPlatform.Application.Features.Decisions;

// A merge that combines two applications to one posting puts both sides' scorecards on the kept one: its stored
// score is recomputed from all of them, not left at either side's number (ADR-0022, ADR-0023).
public sealed class RescoreCombinedApplication(AppDbContext db) : IDomainEventHandler<ApplicationCombined>
{
    public async Task HandleAsync(ApplicationCombined combined, CancellationToken ct)
    {
        var application = combined.Application;
        application.WeightedScore = (await ApplicationScoring.CurrentAsync(db, application.Id, application.PostingId, ct)).WeightedScore;
    }
}
