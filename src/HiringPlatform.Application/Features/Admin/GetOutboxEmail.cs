using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

// One queued or sent email, with its plain-text body (what the recipient's mail client shows without HTML).
public static class GetOutboxEmail
{
    [Authorize(Roles = Roles.Admin)]
    public sealed record Query : IQuery<Model>
    {
        public Guid Id { get; init; }
    }

    public sealed record Model(Guid Id, DateTimeOffset CreatedAt, string To, string? ToName, string Subject, string TextBody, bool HasHtml,
        EmailStatus Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError,
        string? AttachmentName, string? AttachmentContentType, int? AttachmentSize, bool IsErased);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken ct) =>
            await db.OutboxEmails.AsNoTracking().Where(e => e.Id == query.Id)
                .Select(e => new Model(e.Id, e.CreatedAt, e.To, e.ToName, e.Subject, e.TextBody, e.HtmlBody != null, e.Status, e.Attempts,
                    e.NextAttemptAt, e.SentAt, e.LastError, e.AttachmentName, e.AttachmentContentType,
                    e.AttachmentContent == null ? null : e.AttachmentContent.Length, e.To.EndsWith("@invalid")))
                .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Email");
    }
}
