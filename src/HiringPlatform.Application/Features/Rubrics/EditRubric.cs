using FluentValidation;
using FluentValidation.Results;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Scoring;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// The whole rubric is saved at once: the form lists every library competency, ticked when it is in the rubric.
// The posting's version guards against two people tailoring the same rubric at the same time.
public static class EditRubric
{
    public const decimal MaxWeight = 100m;

    [Authorize(Roles = Roles.HiringManager)]
    public sealed record Query : IQuery<Command>
    {
        public Guid PostingId { get; init; }
    }

    [Authorize(Roles = Roles.HiringManager)]
    public sealed record Command : ICommand<Model>
    {
        public Guid PostingId { get; init; }
        public uint Version { get; init; }
        public List<Item> Items { get; init; } = [];

        // Display only: the page header.
        public string PostingTitle { get; init; } = "";
    }

    public sealed record Item
    {
        public Guid CompetencyId { get; init; }
        public bool Included { get; init; }
        public decimal? Weight { get; init; }
        public bool IsMustHave { get; init; } = true;
    }

    // Competencies taken out of the rubric are also taken out of the stages that focused on them.
    public sealed record Model(int Count, IReadOnlyList<string> RemovedFromStages);

    public sealed class QueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, query.PostingId, ct);
            if (!access.CanEditRubric) throw new ForbiddenAccessException("Only the posting's hiring manager or an admin can change its rubric.");
            var version = await db.JobPostings.Where(p => p.Id == query.PostingId).Select(p => p.Version).SingleAsync(ct);
            var rubric = await db.RubricItems.AsNoTracking().Where(r => r.PostingId == query.PostingId).ToListAsync(ct);
            var inRubric = rubric.Select(r => r.CompetencyId).ToList();
            // Rubric items first, in their order; then the rest of the library (retired ones only when already in the rubric).
            var library = await db.Competencies.AsNoTracking()
                .Where(c => !c.IsRetired || inRubric.Contains(c.Id))
                .OrderBy(c => c.Name)
                .Select(c => c.Id)
                .ToListAsync(ct);
            var items = rubric.OrderBy(r => r.Order)
                .Select(r => new Item { CompetencyId = r.CompetencyId, Included = true, Weight = r.Weight, IsMustHave = r.IsMustHave })
                .Concat(library.Where(id => !inRubric.Contains(id)).Select(id => new Item { CompetencyId = id, Included = false, Weight = 10m, IsMustHave = true }))
                .ToList();
            return new Command { PostingId = query.PostingId, Version = version, Items = items, PostingTitle = access.Title };
        }
    }

    // Access before validation: someone off the team gets 404, not the rubric's field errors (ADR-0009).
    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct) =>
            await PostingAccess.RequireCapabilitiesAsync(db, user, command.PostingId, ct);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, ICurrentUser user)
        {
            RuleFor(c => c.Items).Must(items => items.Any(i => i.Included))
                .WithMessage("Pick at least one competency for the rubric.");
            RuleFor(c => c.Items).Must(items => items.Where(i => i.Included).GroupBy(i => i.CompetencyId).All(g => g.Count() == 1))
                .WithMessage("Each competency can be in the rubric only once.");
            RuleForEach(c => c.Items).ChildRules(item =>
            {
                item.RuleFor(i => i.Weight).NotNull().When(i => i.Included).WithMessage("Enter a weight.");
                item.RuleFor(i => i.Weight!.Value)
                    .GreaterThan(0).WithMessage($"A weight must be more than 0 and at most {MaxWeight:0}.")
                    .LessThanOrEqualTo(MaxWeight).WithMessage($"A weight must be more than 0 and at most {MaxWeight:0}.")
                    .Must(w => decimal.Round(w, 2) == w).WithMessage("Use at most two decimal places.")
                    .OverridePropertyName("Weight")
                    .When(i => i.Included && i.Weight is not null);
            });
            WhenAsync((c, ct) => PostingAccess.CanSeePostingAsync(db, user, c.PostingId, ct), () =>
            {
                RuleFor(c => c.Items).CustomAsync(async (items, context, ct) =>
                {
                    var postingId = context.InstanceToValidate.PostingId;
                    var ids = items.Where(i => i.Included).Select(i => i.CompetencyId).Distinct().ToList();
                    var already = await db.RubricItems.Where(r => r.PostingId == postingId).Select(r => r.CompetencyId).ToListAsync(ct);
                    var library = await db.Competencies.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.IsRetired }).ToListAsync(ct);
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (!items[i].Included) continue;
                        var competency = library.SingleOrDefault(c => c.Id == items[i].CompetencyId);
                        var key = $"{nameof(Command.Items)}[{i}].{nameof(Item.CompetencyId)}";
                        if (competency is null)
                            context.AddFailure(new ValidationFailure(key, "This competency is not in the library (it may have been deleted)."));
                        else if (competency.IsRetired && !already.Contains(competency.Id))
                            context.AddFailure(new ValidationFailure(key, $"\"{competency.Name}\" is retired and cannot be added to a rubric."));
                    }
                });
            });
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            var access = await PostingAccess.RequireCapabilitiesAsync(db, user, command.PostingId, ct);
            if (!access.CanEditRubric) throw new ForbiddenAccessException("Only the posting's hiring manager or an admin can change its rubric.");
            var posting = await db.JobPostings.SingleAsync(p => p.Id == command.PostingId, ct);
            Concurrency.Expect(db, posting, command.Version, clock);

            var existing = await db.RubricItems.Where(r => r.PostingId == command.PostingId).ToListAsync(ct);
            var included = command.Items.Where(i => i.Included).ToList();
            for (var order = 0; order < included.Count; order++)
            {
                var wanted = included[order];
                var item = existing.SingleOrDefault(r => r.CompetencyId == wanted.CompetencyId);
                if (item is null)
                {
                    db.RubricItems.Add(new RubricItem(command.PostingId, wanted.CompetencyId, wanted.Weight!.Value, wanted.IsMustHave, order));
                    continue;
                }
                item.Weight = wanted.Weight!.Value;
                item.IsMustHave = wanted.IsMustHave;
                item.Order = order;
            }
            var keep = included.Select(i => i.CompetencyId).ToHashSet();
            var removed = existing.Where(r => !keep.Contains(r.CompetencyId)).ToList();
            db.RubricItems.RemoveRange(removed);

            var touchedStages = new List<string>();
            if (removed.Count > 0)
            {
                var removedIds = removed.Select(r => r.CompetencyId).ToHashSet();
                var stages = await db.InterviewStages.Include(s => s.Focus).Where(s => s.PostingId == command.PostingId).OrderBy(s => s.Order).ToListAsync(ct);
                foreach (var stage in stages.Where(s => s.Focus.Any(f => removedIds.Contains(f.CompetencyId))))
                {
                    stage.SetFocus(stage.Focus.Select(f => f.CompetencyId).Where(id => !removedIds.Contains(id)).ToList());
                    touchedStages.Add(stage.Name);
                }
            }
            await ApplicationScoring.RecalculatePostingAsync(db, command.PostingId,
                included.Select(i => new RubricWeight(i.CompetencyId, i.Weight!.Value, i.IsMustHave)).ToList(), ct);
            await db.SaveChangesAsync(ct);
            return new Model(included.Count, touchedStages);
        }
    }
}
