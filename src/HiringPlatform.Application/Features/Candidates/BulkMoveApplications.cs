using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Scoring;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// Moves the selected cards to one stage. Each card is checked against the version the user saw: a card that
// changed meanwhile (or is already there, or closed) is skipped and named, the others move.
public static class BulkMoveApplications
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Model>
    {
        public Guid PostingId { get; init; }

        // "applicationId:version" for each selected card.
        public string[] Selected { get; init; } = [];
        public Guid? ToStageId { get; init; }
    }

    public sealed record Model(int Moved, string? StageName, IReadOnlyList<string> Skipped);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Selected).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Select at least one candidate.")
                .Must(s => s.Length <= Pipeline.MaxBulk).WithMessage($"Select at most {Pipeline.MaxBulk} candidates at once.")
                .Must(s => s.All(v => v is not null && Pipeline.TryParseSelection(v, out _, out _))).WithMessage("The selection could not be read; reload the board.");
            RuleFor(c => c.ToStageId).NotEmpty().WithMessage("Choose the stage to move them to.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            await PostingAccess.EnsureCanSeePostingAsync(db, user, command.PostingId, ct);
            var stages = await Pipeline.StagesAsync(db, command.PostingId, ct);
            var to = stages.SingleOrDefault(s => s.Id == command.ToStageId)
                ?? throw new Common.Exceptions.ValidationException(nameof(Command.ToStageId), "Choose a stage of this posting's interview plan.");
            var seen = Selection.Parse(command.Selected);
            var ids = seen.Keys.ToList();
            var applications = await db.Applications.Where(a => ids.Contains(a.Id) && a.PostingId == command.PostingId).ToListAsync(ct);
            var names = await Selection.NamesAsync(db, applications, ct);
            var now = clock.GetUtcNow();
            var skipped = new List<string>();
            var moved = 0;
            foreach (var application in applications)
            {
                var name = names[application.CandidateId];
                var stage = stages.Single(s => s.Id == application.StageId);
                if (application.Version != seen[application.Id])
                    skipped.Add($"{name} changed meanwhile (now in {stage.Name}{(application.IsActive ? "" : ", " + Pipeline.StatusText(application.Status))})");
                else if (!application.IsActive)
                    skipped.Add($"{name} is {Pipeline.StatusText(application.Status)}");
                else if (application.StageId == to.Id)
                    skipped.Add($"{name} is already in {to.Name}");
                else if (to.Kind == StageKind.Offer && !await ApplicationScoring.OfferAllowedAsync(db, application, ct))
                    skipped.Add($"{name} has not passed the debrief gate (must-haves covered by two interviewers, or the hiring manager's offer decision)");
                else
                {
                    db.Entry(application).Property(a => a.Version).OriginalValue = seen[application.Id];
                    application.MoveTo(to.Id, now);
                    moved++;
                }
            }
            await db.SaveChangesAsync(ct);
            return new Model(moved, to.Name, skipped);
        }
    }
}

// Parsing and naming of board selections, for the bulk use cases.
internal static class Selection
{
    public static Dictionary<Guid, uint> Parse(IEnumerable<string> selected)
    {
        var result = new Dictionary<Guid, uint>();
        foreach (var value in selected)
            if (Pipeline.TryParseSelection(value, out var id, out var version)) result[id] = version;
        return result;
    }

    public static async Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, IEnumerable<JobApplication> applications, CancellationToken ct)
    {
        var candidateIds = applications.Select(a => a.CandidateId).Distinct().ToList();
        return await db.Candidates.AsNoTracking().Where(c => candidateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FullName, ct);
    }
}
