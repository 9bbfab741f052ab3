using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// Adds or removes one tag (tags are free text, normalised to lower case).
public static class TagCandidate
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Unit>
    {
        public Guid CandidateId { get; init; }
        public string? Tag { get; init; }
        public bool Remove { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        // Stop at the first failure: the length rule normalises the tag and needs one.
        public Validator() => RuleFor(c => c.Tag).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter a tag.")
            .Must(t => Candidate.NormalizeTag(t!).Length <= Candidate.MaxTagLength).WithMessage($"A tag has at most {Candidate.MaxTagLength} characters.");
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.CandidateId, ct);
            var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == command.CandidateId && c.ErasedAt == null && c.MergedIntoId == null, ct)
                ?? throw new NotFoundException("Candidate");
            if (command.Remove) candidate.RemoveTag(command.Tag!);
            else candidate.AddTag(command.Tag!);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
