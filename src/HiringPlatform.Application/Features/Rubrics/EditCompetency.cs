using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

public static class EditCompetency
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Command>
    {
        public Guid Id { get; init; }
    }

    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Model>, ICompetencyWording
    {
        public Guid Id { get; init; }
        public uint Version { get; init; }
        public string Name { get; init; } = "";
        public string Definition { get; init; } = "";
        public string Level1 { get; init; } = "";
        public string Level2 { get; init; } = "";
        public string Level3 { get; init; } = "";
        public string Level4 { get; init; } = "";

        // Display only: the form says whether saving will start a new version.
        public int CurrentVersionNumber { get; init; }
        public bool CurrentVersionUsed { get; init; }
        public bool IsRetired { get; init; }
    }

    // What happened: rewritten in place, a new version, or nothing to save.
    public sealed record Model(bool Changed, bool NewVersion, int VersionNumber);

    public sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var row = await (
                    from c in db.Competencies.AsNoTracking()
                    join v in db.CompetencyVersions on c.CurrentVersionId equals v.Id
                    where c.Id == query.Id
                    select new { c.Id, c.Version, c.IsRetired, c.CurrentVersionId, Current = v })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Competency");
            return new Command
            {
                Id = row.Id,
                Version = row.Version,
                Name = row.Current.Name,
                Definition = row.Current.Definition,
                Level1 = row.Current.Level1,
                Level2 = row.Current.Level2,
                Level3 = row.Current.Level3,
                Level4 = row.Current.Level4,
                CurrentVersionNumber = row.Current.Number,
                CurrentVersionUsed = await UsedInSubmittedScorecardAsync(db, row.CurrentVersionId, ct),
                IsRetired = row.IsRetired,
            };
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            Include(new CompetencyWordingValidator());
            RuleFor(c => c.Name).MustAsync((command, name, ct) => CompetencyWordingValidator.NameIsFreeAsync(db, name, command.Id, ct))
                .When(c => !string.IsNullOrWhiteSpace(c.Name))
                .WithMessage("Another competency already has this name.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            var competency = await db.Competencies.Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == command.Id, ct)
                ?? throw new NotFoundException("Competency");
            var (name, definition, l1, l2, l3, l4) = (command.Name.Trim(), command.Definition.Trim(), command.Level1.Trim(),
                command.Level2.Trim(), command.Level3.Trim(), command.Level4.Trim());
            if (competency.Version != command.Version)
                throw new ConcurrencyConflictException(
                    "Someone else changed this competency while you were editing it. The form now shows their version; make your change again if it still applies.");
            if (competency.CurrentVersion.HasWording(name, definition, l1, l2, l3, l4) && !competency.IsRetired)
                return new Model(false, false, competency.CurrentVersion.Number);

            // Old scorecards must keep the wording they were scored against: only a submitted one counts,
            // since drafts are still being written against whatever the kit shows.
            var used = await UsedInSubmittedScorecardAsync(db, competency.CurrentVersionId, ct);
            var before = competency.CurrentVersion.Number;
            competency.Edit(name, definition, l1, l2, l3, l4, used);
            // A new version has a client-made id: EF would take it for an existing row found through the navigation.
            if (competency.CurrentVersion.Number != before) db.CompetencyVersions.Add(competency.CurrentVersion);
            Concurrency.Expect(db, competency, command.Version, clock);
            await db.SaveChangesAsync(ct);
            return new Model(true, competency.CurrentVersion.Number != before, competency.CurrentVersion.Number);
        }
    }

    public static Task<bool> UsedInSubmittedScorecardAsync(AppDbContext db, Guid versionId, CancellationToken ct) =>
        db.ScorecardRatings
            .Join(db.Scorecards, r => r.ScorecardId, s => s.Id, (r, s) => new { r.CompetencyVersionId, s.Status })
            .AnyAsync(x => x.CompetencyVersionId == versionId && x.Status == ScorecardStatus.Submitted, ct);
}
