using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace HiringPlatform.IntegrationTests.Email;

// Real SMTP (MailKit) against a mail server slower than the claim on an email: claims are per email and renewed
// while the server holds the send, so a second dispatcher never takes over an email that is still being sent.
public sealed class OutboxSlowMailServerTests(OutboxFixture fixture, ITestOutputHelper output) : OutboxTest(fixture)
{
    private const double ClaimSeconds = 2;

    private OutboxProcessor Dispatcher(SlowSmtpServer server) => ActivatorUtilities.CreateInstance<OutboxProcessor>(App.Services,
        new SmtpEmailSender(Options.Create(SmtpOptions(server))), Options.Create(SmtpOptions(server)));

    private static EmailOptions SmtpOptions(SlowSmtpServer server) => new()
    {
        Mode = EmailMode.Smtp,
        BatchSize = 5,
        ClaimSeconds = ClaimSeconds,
        Smtp = new() { Host = "127.0.0.1", Port = server.Port, UseStartTls = false, From = "hiring@test.hiringplatform.dev" },
    };

    private Task QueueAsync(int count) => App.WithDbAsync(async db =>
    {
        db.OutboxEmails.AddRange(Enumerable.Range(0, count)
            .Select(i => new OutboxEmail($"slow{i}@example.com", null, $"Slow {i}", $"Body {i}", null, App.Clock.GetUtcNow())));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Should_send_each_email_once_when_the_mail_server_is_slower_than_the_claim()
    {
        await using var server = new SlowSmtpServer(TimeSpan.FromSeconds(ClaimSeconds * 1.5));
        await QueueAsync(6);

        var attempted = await Task.WhenAll(
            Task.Run(() => Dispatcher(server).ProcessDueAsync(CancellationToken.None)),
            Task.Run(() => Dispatcher(server).ProcessDueAsync(CancellationToken.None)));

        output.WriteLine($"Emails queued: 6; sends attempted: {attempted.Sum()} ({string.Join(" + ", attempted)}); messages received: {server.Received.Count}");
        Assert.Equal(6, server.Received.Count);
        Assert.Equal(6, server.Received.Distinct().Count());
        var emails = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
        Assert.All(emails, e =>
        {
            Assert.Equal(EmailStatus.Sent, e.Status);
            Assert.Equal(1, e.Attempts);
            Assert.Null(e.ClaimToken);
        });
    }

    [Fact]
    public async Task Should_stop_sending_and_record_nothing_when_another_dispatcher_took_the_claim()
    {
        await using var server = new SlowSmtpServer(TimeSpan.FromSeconds(ClaimSeconds * 3));
        await QueueAsync(1);
        var sending = Task.Run(() => Dispatcher(server).ProcessDueAsync(CancellationToken.None));
        var takenOverBy = Guid.NewGuid();
        // As soon as the email is claimed, another dispatcher takes it over (as after a lease that ran out).
        while (await App.WithDbAsync(db => db.OutboxEmails.Where(e => e.Status == EmailStatus.Sending)
                   .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, takenOverBy).SetProperty(e => e.NextAttemptAt, DateTimeOffset.UtcNow.AddHours(1)))) == 0)
            await Task.Delay(20);

        Assert.Equal(1, await sending);

        Assert.Empty(server.Received);
        var email = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync());
        Assert.Equal(EmailStatus.Sending, email.Status);
        Assert.Equal(takenOverBy, email.ClaimToken);
        Assert.Equal(0, email.Attempts);
    }
}
