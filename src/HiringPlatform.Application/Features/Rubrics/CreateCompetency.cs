using System.Text;
using FluentValidation;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Rubrics;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// The wording of a competency: what create and edit share.
public interface ICompetencyWording
{
    string Name { get; }
    string Definition { get; }
    string Level1 { get; }
    string Level2 { get; }
    string Level3 { get; }
    string Level4 { get; }
}

public sealed class CompetencyWordingValidator : AbstractValidator<ICompetencyWording>
{
    public CompetencyWordingValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter a name.")
            .MaximumLength(200).WithMessage("Keep the name under 200 characters.");
        RuleFor(c => c.Definition).NotEmpty().WithMessage("Say what this competency covers.")
            .MaximumLength(2000).WithMessage("Keep the definition under 2,000 characters.");
        RuleFor(c => c.Level1).NotEmpty().WithMessage("Describe the evidence for 1 (strong no).")
            .MaximumLength(2000).WithMessage("Keep each level under 2,000 characters.");
        RuleFor(c => c.Level2).NotEmpty().WithMessage("Describe the evidence for 2 (no).")
            .MaximumLength(2000).WithMessage("Keep each level under 2,000 characters.");
        RuleFor(c => c.Level3).NotEmpty().WithMessage("Describe the evidence for 3 (yes).")
            .MaximumLength(2000).WithMessage("Keep each level under 2,000 characters.");
        RuleFor(c => c.Level4).NotEmpty().WithMessage("Describe the evidence for 4 (strong yes).")
            .MaximumLength(2000).WithMessage("Keep each level under 2,000 characters.");
    }

    public static Task<bool> NameIsFreeAsync(AppDbContext db, string? name, Guid? exceptId, CancellationToken ct)
    {
        var wanted = (name ?? "").Trim().ToLower();
        return db.Competencies.AllAsync(c => c.Id == exceptId || c.Name.ToLower() != wanted, ct);
    }
}

public static class CreateCompetency
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Guid>, ICompetencyWording
    {
        public string Name { get; init; } = "";
        public string Definition { get; init; } = "";
        public string Level1 { get; init; } = "";
        public string Level2 { get; init; } = "";
        public string Level3 { get; init; } = "";
        public string Level4 { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            Include(new CompetencyWordingValidator());
            RuleFor(c => c.Name).MustAsync((name, ct) => CompetencyWordingValidator.NameIsFreeAsync(db, name, null, ct))
                .When(c => !string.IsNullOrWhiteSpace(c.Name))
                .WithMessage("The library already has a competency with this name (it may be retired: restore it instead).");
        }
    }

    public sealed class Handler(AppDbContext db) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var key = await UniqueKeyAsync(command.Name.Trim(), ct);
            var competency = new Competency(key, command.Name.Trim(), command.Definition.Trim(),
                command.Level1.Trim(), command.Level2.Trim(), command.Level3.Trim(), command.Level4.Trim());
            db.Competencies.Add(competency);
            await db.SaveChangesAsync(ct);
            return competency.Id;
        }

        // Keys are stable identifiers for seeds and templates; a readable slug of the first name is enough.
        private async Task<string> UniqueKeyAsync(string name, CancellationToken ct)
        {
            var slug = Slug(name);
            return await db.Competencies.AnyAsync(c => c.Key == slug, ct) ? $"{slug}-{Guid.CreateVersion7():N}"[..Math.Min(100, slug.Length + 33)] : slug;
        }
    }

    internal static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) builder.Append(ch);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > 60) slug = slug[..60].Trim('-');
        return slug.Length == 0 ? "competency" : slug;
    }
}
