using System.Net;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Features.Careers.Shared;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Application.Features.Careers;

// The candidate withdraws through their private link. The hiring team sees it on the candidate's timeline,
// and the candidate gets an email confirming it.
public static class WithdrawMyApplication
{
    [AllowAnonymous]
    public sealed record Command(string Token) : ICommand<Unit>;

    public sealed class Handler(AppDbContext db, IApplicationStatusTokens statusTokens, IOptions<CareersOptions> options, TimeProvider clock)
        : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var applicationId = statusTokens.Read(command.Token, now) ?? throw new NotFoundException("The application");
            var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct)
                ?? throw new NotFoundException("The application");
            var candidate = await db.Candidates.SingleAsync(c => c.Id == application.CandidateId, ct);
            if (candidate.IsErased) throw new NotFoundException("The application");
            if (!application.IsActive) throw new DomainException("This application is already closed, so there is nothing to withdraw.");
            var title = await db.JobPostings.Where(p => p.Id == application.PostingId).Select(p => p.Title).SingleAsync(ct);

            application.Withdraw(now, WithdrawnBy.Candidate);
            var company = options.Value.CompanyName;
            db.OutboxEmails.Add(new OutboxEmail(candidate.Email, candidate.FullName, $"You withdrew your application for {title}",
                $"""
                Hello,

                As you asked, we have withdrawn your application for the {title} role at {company}. The hiring team will not consider it any further.

                If this was a mistake, reply to this email and we will get back to you.

                {company} Recruiting
                """,
                $"<p>Hello,</p><p>As you asked, we have withdrawn your application for the <strong>{WebUtility.HtmlEncode(title)}</strong> role at {WebUtility.HtmlEncode(company)}. The hiring team will not consider it any further.</p><p>If this was a mistake, reply to this email and we will get back to you.</p><p>{WebUtility.HtmlEncode(company)} Recruiting</p>",
                now, candidate.Id));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
