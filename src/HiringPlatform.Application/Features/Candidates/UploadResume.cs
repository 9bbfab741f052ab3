using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Features.Candidates.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Candidates;

// A newer résumé from the profile; the old file stays listed under files.
public static class UploadResume
{
    [Authorize(Roles = "Recruiter,HiringManager")]
    public sealed record Command : ICommand<Unit>
    {
        public Guid CandidateId { get; init; }
        public string? ResumeFileName { get; init; }
        public long ResumeSize { get; init; }
        public byte[]? ResumeContent { get; init; }
    }

    // Access before validation: a refused user learns nothing from the file checks (ADR-0009).
    public sealed class Authorizer(AppDbContext db, ICurrentUser user) : IResourceAuthorizer<Command>
    {
        public async ValueTask AuthorizeAsync(Command command, CancellationToken ct) =>
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.CandidateId, ct);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ResumeContent).NotEmpty().WithMessage("Choose a file to upload.");
            RuleFor(c => c.ResumeSize).LessThanOrEqualTo(ResumeFile.MaxBytes)
                .OverridePropertyName(nameof(Command.ResumeContent)).WithMessage("The résumé is larger than 5 MB.");
            RuleFor(c => c.ResumeContent).Must(c => ResumeFile.DetectContentType(c) is not null)
                .When(c => c.ResumeContent is { Length: > 0 } && c.ResumeSize <= ResumeFile.MaxBytes)
                .WithMessage("Upload a PDF or Word (.docx) file.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock, IFileStorage storage) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            await PostingAccess.EnsureCanSeeCandidateAsync(db, user, command.CandidateId, ct);
            var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == command.CandidateId && c.ErasedAt == null && c.MergedIntoId == null, ct)
                ?? throw new NotFoundException("Candidate");
            await ResumeUpload.AddAsync(db, storage, candidate, command.ResumeFileName, command.ResumeContent!, user.Id, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
