using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// Deleting is for mistakes: a competency nobody has used yet. Once a rubric, a stage, a scorecard or a rejection
// points at it, it can only be retired.
public static class DeleteCompetency
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<string>
    {
        public Guid Id { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(c => c.Id).CustomAsync(async (id, context, ct) =>
            {
                var key = await db.Competencies.Where(c => c.Id == id).Select(c => c.Key).SingleOrDefaultAsync(ct);
                if (key is null) return;
                if (CompetencyUsage.IsReference(key))
                {
                    context.AddFailure("This competency ships with the platform and would come back at the next start-up: retire it instead.");
                    return;
                }
                var usage = await CompetencyUsage.CountAsync(db, id, ct);
                // Rejection reasons are checked only here: they are not worth an index of their own on applications.
                var rejections = await db.Applications.CountAsync(a => a.RejectionCompetencyId == id, ct);
                if (usage.IsUsed || rejections > 0)
                    context.AddFailure($"This competency is in use ({Describe(usage, rejections)}), so it can only be retired.");
            });
        }

        public static string Describe(CompetencyUsage usage, int rejections)
        {
            var parts = new List<string>();
            if (usage.Rubrics > 0) parts.Add(Plural(usage.Rubrics, "rubric"));
            if (usage.Stages > 0) parts.Add(Plural(usage.Stages, "interview stage"));
            if (usage.Ratings > 0) parts.Add(Plural(usage.Ratings, "scorecard rating"));
            if (rejections > 0) parts.Add(Plural(rejections, "rejection reason"));
            return string.Join(", ", parts);
        }

        private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
    }

    public sealed class Handler(AppDbContext db) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken ct)
        {
            var competency = await db.Competencies.Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == command.Id, ct)
                ?? throw new NotFoundException("Competency");
            // Question tags go with it (cascade): a question keeps its other competencies.
            db.Competencies.Remove(competency);
            await db.SaveChangesAsync(ct);
            return competency.Name;
        }
    }
}
