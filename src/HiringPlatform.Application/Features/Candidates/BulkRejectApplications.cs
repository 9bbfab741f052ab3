using FluentValidation;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// Rejects the selected cards with one structured reason (and optionally one email template each).
// Cards that changed since the user saw them, or are already closed, are skipped and named.
public static class BulkRejectApplications
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Model>, Rejection.IReasonInput
    {
        public Guid PostingId { get; init; }
        public string[] Selected { get; init; } = [];
        public RejectionReason? Reason { get; init; }
        public Guid? CompetencyId { get; init; }
        public string? Note { get; init; }
        public bool SendEmail { get; init; }
        public string? EmailTemplate { get; init; }
    }

    public sealed record Model(int Rejected, IReadOnlyList<string> Skipped);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(c => c.Selected).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Select at least one candidate.")
                .Must(s => s.Length <= Pipeline.MaxBulk).WithMessage($"Select at most {Pipeline.MaxBulk} candidates at once.")
                .Must(s => s.All(v => v is not null && Pipeline.TryParseSelection(v, out _, out _))).WithMessage("The selection could not be read; reload the board.");
            Rejection.AddRules(this, db, (c, _) => Task.FromResult<Guid?>(c.PostingId));
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            await PostingAccess.EnsureCanSeePostingAsync(db, user, command.PostingId, ct);
            var stages = await Pipeline.StagesAsync(db, command.PostingId, ct);
            var title = await Pipeline.PostingTitleAsync(db, command.PostingId, ct);
            var seen = Selection.Parse(command.Selected);
            var ids = seen.Keys.ToList();
            var applications = await db.Applications.Where(a => ids.Contains(a.Id) && a.PostingId == command.PostingId).ToListAsync(ct);
            var candidateIds = applications.Select(a => a.CandidateId).Distinct().ToList();
            var candidates = await db.Candidates.Where(c => candidateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var now = clock.GetUtcNow();
            var skipped = new List<string>();
            var rejected = 0;
            foreach (var application in applications)
            {
                var candidate = candidates[application.CandidateId];
                if (application.Version != seen[application.Id])
                    skipped.Add($"{candidate.FullName} changed meanwhile (now in {stages.Single(s => s.Id == application.StageId).Name}" +
                                $"{(application.IsActive ? "" : ", " + Pipeline.StatusText(application.Status))})");
                else if (!application.IsActive)
                    skipped.Add($"{candidate.FullName} is already {Pipeline.StatusText(application.Status)}");
                else
                {
                    db.Entry(application).Property(a => a.Version).OriginalValue = seen[application.Id];
                    Rejection.Apply(db, application, candidate, command, title, user.Id, now);
                    rejected++;
                }
            }
            await db.SaveChangesAsync(ct);
            return new Model(rejected, skipped);
        }
    }
}
