using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Users;
using Mediator;

namespace HiringPlatform.Application.Features.JobPostings;

// Draft → awaiting approval: the hiring manager is asked to approve it.
public static class SubmitPostingForApproval
{
    [Authorize(Roles = $"{Roles.Recruiter},{Roles.HiringManager}")]
    public sealed record Command(Guid Id) : ICommand<Unit>;

    public sealed class Handler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var posting = await PostingAccess.LoadForChangeAsync(db, user, command.Id, ct);
            // A posting goes public on approval: there must be something for candidates to read.
            if (string.IsNullOrWhiteSpace(posting.DescriptionMarkdown))
                throw new DomainException("Add a description before submitting the posting for approval.");
            posting.SubmitForApproval(user.RequireId(), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
