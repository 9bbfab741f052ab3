using FluentValidation;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

public interface IQuestionText
{
    string Text { get; }
    string GoodLooksLike { get; }
    string? RedFlags { get; }
    List<Guid> CompetencyIds { get; }
}

public sealed class QuestionTextValidator : AbstractValidator<IQuestionText>
{
    public QuestionTextValidator()
    {
        RuleFor(q => q.Text).NotEmpty().WithMessage("Write the question.")
            .MaximumLength(1000).WithMessage("Keep the question under 1,000 characters.");
        RuleFor(q => q.GoodLooksLike).NotEmpty().WithMessage("Say what a strong answer looks like, so interviewers score it the same way.")
            .MaximumLength(2000).WithMessage("Keep this under 2,000 characters.");
        RuleFor(q => q.RedFlags).MaximumLength(2000).WithMessage("Keep this under 2,000 characters.");
        RuleFor(q => q.CompetencyIds).NotEmpty().WithMessage("Pick at least one competency this question probes.");
    }
}

public static class CreateQuestion
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command : ICommand<Guid>, IQuestionText
    {
        public string Text { get; init; } = "";
        public string GoodLooksLike { get; init; } = "";
        public string? RedFlags { get; init; }
        public List<Guid> CompetencyIds { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            Include(new QuestionTextValidator());
            RuleFor(q => q.CompetencyIds)
                .MustAsync((ids, ct) => QuestionRules.CompetenciesArePickableAsync(db, ids, null, ct))
                .When(q => q.CompetencyIds.Count > 0)
                .WithMessage("Pick competencies from the library; retired ones cannot be added.");
            RuleFor(q => q.Text)
                .MustAsync(async (text, ct) => !await db.Questions.AnyAsync(q => q.Text == text.Trim(), ct))
                .When(q => !string.IsNullOrWhiteSpace(q.Text))
                .WithMessage("The bank already has this question.");
        }
    }

    public sealed class Handler(AppDbContext db) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            // Keys identify seeded questions for templates; people's own questions only need a unique one.
            var question = new Question($"custom-{Guid.CreateVersion7():N}", command.Text.Trim(), command.GoodLooksLike.Trim(), command.RedFlags?.Trim() ?? "");
            question.SetCompetencies(command.CompetencyIds);
            db.Questions.Add(question);
            await db.SaveChangesAsync(ct);
            return question.Id;
        }
    }
}
