using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Admin;

// One queued or sent email, with its plain-text body (what the recipient's mail client shows without HTML).
// Reading someone's email is recorded in the audit log, so this is a command. An email whose body carries a
// set-password, reset or status link never shows its body here: while queued the link is live, and once sent the
// stored body has had it removed (OutboxEmail.MarkSent).
public static class GetOutboxEmail
{
    public const string HiddenBody = OutboxEmail.HiddenBody;

    [Authorize(Roles = Roles.Admin)]
    public sealed record Command : ICommand<Model>
    {
        public Guid Id { get; init; }
    }

    public sealed record Model(Guid Id, DateTimeOffset CreatedAt, string To, string? ToName, string Subject, string TextBody, bool HasHtml,
        EmailStatus Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError,
        string? AttachmentName, string? AttachmentContentType, int? AttachmentSize, bool IsErased);

    public sealed class Handler(AppDbContext db, ICurrentUser user, CommandScope scope, TimeProvider clock) : ICommandHandler<Command, Model>
    {
        public async ValueTask<Model> Handle(Command command, CancellationToken ct)
        {
            var model = await db.OutboxEmails.AsNoTracking().Where(e => e.Id == command.Id)
                .Select(e => new Model(e.Id, e.CreatedAt, e.To, e.ToName, e.Subject, e.HasSecretLink ? HiddenBody : e.TextBody, e.HtmlBody != null,
                    e.Status, e.Attempts, e.NextAttemptAt, e.SentAt, e.LastError, e.AttachmentName, e.AttachmentContentType,
                    e.AttachmentContent == null ? null : e.AttachmentContent.Length, e.To.EndsWith("@invalid")))
                .SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Email");
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow(), UserId = user.Id, UserName = user.Name, Command = scope.CommandName ?? "GetOutboxEmail.Command",
                EntityType = nameof(OutboxEmail), EntityId = model.Id.ToString(), Action = "Viewed", CorrelationId = user.CorrelationId,
            });
            await db.SaveChangesAsync(ct);
            return model;
        }
    }
}
