using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Account;
using HiringPlatform.Application.Features.Admin;
using HiringPlatform.Infrastructure.Email;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.IntegrationTests.Email;

// Password-reset and invite links are credentials: the recipient gets them, nobody else ever reads them back.
public sealed class SecretLinkEmailTests(OutboxFixture fixture) : OutboxTest(fixture)
{
    [Fact]
    public async Task Should_hide_a_reset_link_from_admins_while_queued_and_remove_it_from_the_stored_email_once_sent()
    {
        var admin = await App.CreateUserAsync("Curious Admin", Roles.Admin);
        var victim = await App.CreateUserAsync("Other Admin", Roles.Admin);
        await App.SendAsync(new RequestPasswordReset.Command { Email = victim.Email }, null);
        var id = await App.WithDbAsync(db => db.OutboxEmails.Where(e => e.To == victim.Email).Select(e => e.Id).SingleAsync());

        var pending = await App.SendAsync(new GetOutboxEmail.Command { Id = id }, admin);
        Assert.Equal(EmailStatus.Pending, pending.Status);
        Assert.DoesNotContain("reset-password", pending.TextBody, StringComparison.Ordinal);
        Assert.Equal(GetOutboxEmail.HiddenBody, pending.TextBody);

        await ActivatorUtilities.CreateInstance<OutboxProcessor>(App.Services).ProcessDueAsync(CancellationToken.None);

        // The recipient got the working link...
        var sent = Assert.Single(App.Sender.Sent);
        Assert.Contains("/account/reset-password?user=", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/reset-password?user=", sent.HtmlBody, StringComparison.Ordinal);
        // ...and the stored copy keeps the rest of the text without it.
        var stored = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(EmailStatus.Sent, stored.Status);
        Assert.DoesNotContain("reset-password", stored.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", stored.HtmlBody!, StringComparison.Ordinal);
        Assert.Contains(OutboxEmail.RedactedLink, stored.TextBody, StringComparison.Ordinal);
        Assert.Contains("Someone asked to reset the password", stored.TextBody, StringComparison.Ordinal);

        // Each look at an email is in the audit log.
        var views = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(OutboxEmail) && a.EntityId == id.ToString() && a.Action == "Viewed")
            .Select(a => a.UserId).ToListAsync());
        Assert.Equal([admin.Id], views);
    }

    [Fact]
    public async Task Should_store_an_invite_with_its_link_marked_secret_and_keep_ordinary_emails_readable()
    {
        var admin = await App.CreateUserAsync("Inviting Admin", Roles.Admin);
        await App.SendAsync(new CreateUser.Command { DisplayName = "New Hire", Email = "new.hire@example.com", Roles = [Roles.Recruiter] }, admin);
        var invite = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.To == "new.hire@example.com"));
        Assert.True(invite.HasSecretLink);
        Assert.Equal(GetOutboxEmail.HiddenBody, (await App.SendAsync(new GetOutboxEmail.Command { Id = invite.Id }, admin)).TextBody);

        var plainId = await App.WithDbAsync(async db =>
        {
            var email = new OutboxEmail("someone@example.com", null, "Interview moved", "See you at 10:00 on https://meet.example.com/abc", null, App.Clock.GetUtcNow());
            db.OutboxEmails.Add(email);
            await db.SaveChangesAsync();
            return email.Id;
        });
        await ActivatorUtilities.CreateInstance<OutboxProcessor>(App.Services).ProcessDueAsync(CancellationToken.None);
        Assert.Equal("See you at 10:00 on https://meet.example.com/abc", (await App.SendAsync(new GetOutboxEmail.Command { Id = plainId }, admin)).TextBody);
        Assert.DoesNotContain("set-password", (await App.SendAsync(new GetOutboxEmail.Command { Id = invite.Id }, admin)).TextBody, StringComparison.Ordinal);
    }
}
