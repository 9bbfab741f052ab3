using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

public static class EditQuestion
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Query : IQuery<Command>
    {
        public Guid Id { get; init; }
    }

    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Unit>, IQuestionText
    {
        public Guid Id { get; init; }
        public uint Version { get; init; }
        public string Text { get; init; } = "";
        public string GoodLooksLike { get; init; } = "";
        public string? RedFlags { get; init; }
        public List<Guid> CompetencyIds { get; init; } = [];

        // Display only.
        public bool IsRetired { get; init; }
    }

    public sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Command>
    {
        public async ValueTask<Command> Handle(Query query, CancellationToken ct) =>
            await db.Questions.AsNoTracking().Where(q => q.Id == query.Id)
                .Select(q => new Command
                {
                    Id = q.Id,
                    Version = q.Version,
                    Text = q.Text,
                    GoodLooksLike = q.GoodLooksLike,
                    RedFlags = q.RedFlags,
                    CompetencyIds = q.Competencies.Select(c => c.CompetencyId).ToList(),
                    IsRetired = q.IsRetired,
                })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Question");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            Include(new QuestionTextValidator());
            RuleFor(q => q.CompetencyIds)
                .MustAsync((command, ids, ct) => QuestionRules.CompetenciesArePickableAsync(db, ids, command.Id, ct))
                .When(q => q.CompetencyIds.Count > 0)
                .WithMessage("Pick competencies from the library; retired ones cannot be added.");
            RuleFor(q => q.Text)
                .MustAsync(async (command, text, ct) => !await db.Questions.AnyAsync(q => q.Id != command.Id && q.Text == text.Trim(), ct))
                .When(q => !string.IsNullOrWhiteSpace(q.Text))
                .WithMessage("The bank already has this question.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var question = await db.Questions.Include(q => q.Competencies).SingleOrDefaultAsync(q => q.Id == command.Id, ct)
                ?? throw new NotFoundException("Question");
            if (question.Version != command.Version)
                throw new ConcurrencyConflictException(
                    "Someone else changed this question while you were editing it. The form now shows their version; make your change again if it still applies.");
            question.Text = command.Text.Trim();
            question.GoodLooksLike = command.GoodLooksLike.Trim();
            question.RedFlags = command.RedFlags?.Trim() ?? "";
            question.SetCompetencies(command.CompetencyIds);
            Concurrency.Expect(db, question, command.Version, clock);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
