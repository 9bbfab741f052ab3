using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Rubrics;

// Retired competencies leave the pickers (new rubrics, question tags) but stay wherever they are already used,
// so existing rubrics, plans and scorecards read exactly as before.
public static class RetireCompetency
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<string>
    {
        public Guid Id { get; init; }
    }

    public sealed class Handler(AppDbContext db) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken ct)
        {
            var competency = await db.Competencies.SingleOrDefaultAsync(c => c.Id == command.Id, ct) ?? throw new NotFoundException("Competency");
            competency.Retire();
            await db.SaveChangesAsync(ct);
            return competency.Name;
        }
    }
}
