using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HiringPlatform.IntegrationTests.Email;

public sealed class OutboxDispatcherTests(OutboxFixture fixture) : OutboxTest(fixture)
{
    private OutboxProcessor NewDispatcher() => ActivatorUtilities.CreateInstance<OutboxProcessor>(App.Services);

    private Task<List<Guid>> QueueAsync(int count, Func<int, OutboxEmail>? make = null) => App.WithDbAsync(async db =>
    {
        var emails = Enumerable.Range(0, count)
            .Select(i => make?.Invoke(i) ?? new OutboxEmail($"to{i}@example.com", null, $"Email {i}", $"Body {i}", null, App.Clock.GetUtcNow()))
            .ToList();
        db.OutboxEmails.AddRange(emails);
        await db.SaveChangesAsync();
        return emails.Select(e => e.Id).ToList();
    });

    [Fact]
    public async Task Should_send_each_email_exactly_once_when_two_instances_dispatch_at_the_same_time()
    {
        await QueueAsync(40);
        App.Sender.Delay = TimeSpan.FromMilliseconds(15);
        var first = NewDispatcher();
        var second = NewDispatcher();

        var attempted = await Task.WhenAll(Task.Run(() => first.ProcessDueAsync(CancellationToken.None)), Task.Run(() => second.ProcessDueAsync(CancellationToken.None)));

        Assert.Equal(40, App.Sender.Sent.Count);
        Assert.Equal(40, App.Sender.Sent.Select(m => m.Subject).Distinct().Count());
        Assert.Equal(40, attempted.Sum());
        Assert.True(attempted.All(n => n > 0), $"Both dispatchers should have taken a share: {string.Join(", ", attempted)}");
        var emails = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
        Assert.All(emails, e =>
        {
            Assert.Equal(EmailStatus.Sent, e.Status);
            Assert.Equal(1, e.Attempts);
            Assert.NotNull(e.SentAt);
        });
        Assert.Equal(0, await NewDispatcher().ProcessDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Should_retry_with_growing_waits_and_give_up_after_the_last_attempt()
    {
        var ids = await QueueAsync(1);
        App.Sender.Fail = _ => new InvalidOperationException("451 try again later");
        var dispatcher = NewDispatcher();
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= OutboxEmail.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await dispatcher.ProcessDueAsync(CancellationToken.None));
            var email = (await App.FindAsync<OutboxEmail>(ids[0]))!;
            Assert.Equal(attempt, email.Attempts);
            Assert.Equal("InvalidOperationException: 451 try again later", email.LastError);
            Assert.Equal(attempt < OutboxEmail.MaxAttempts ? EmailStatus.Pending : EmailStatus.Failed, email.Status);
            var wait = email.NextAttemptAt - App.Clock.GetUtcNow();
            waits.Add(wait);
            // Not due yet: nothing happens before the wait is over.
            Assert.Equal(0, await dispatcher.ProcessDueAsync(CancellationToken.None));
            App.Clock.Advance(wait + TimeSpan.FromSeconds(1));
        }

        Assert.Equal([1, 2, 4, 8, 16], waits.Take(5).Select(w => (int)Math.Round(w.TotalMinutes)));
        Assert.Equal(0, await dispatcher.ProcessDueAsync(CancellationToken.None));
        Assert.Empty(App.Sender.Sent);
    }

    [Fact]
    public async Task Should_send_after_a_failure_once_the_cause_is_gone()
    {
        var ids = await QueueAsync(1);
        App.Sender.Fail = _ => new TimeoutException("SMTP timed out");
        var dispatcher = NewDispatcher();
        await dispatcher.ProcessDueAsync(CancellationToken.None);

        App.Sender.Fail = _ => null;
        App.Clock.Advance(TimeSpan.FromMinutes(1.5));
        await dispatcher.ProcessDueAsync(CancellationToken.None);

        var email = (await App.FindAsync<OutboxEmail>(ids[0]))!;
        Assert.Equal(EmailStatus.Sent, email.Status);
        Assert.Equal(2, email.Attempts);
        Assert.Null(email.LastError);
        Assert.Single(App.Sender.Sent);
    }

    [Fact]
    public async Task Should_pick_up_an_email_left_in_sending_by_an_instance_that_stopped()
    {
        var ids = await QueueAsync(1, _ =>
        {
            var email = new OutboxEmail("orphan@example.com", null, "Orphan", "Body", null, App.Clock.GetUtcNow());
            email.MarkSending(App.Clock.GetUtcNow() + OutboxProcessor.Lease);
            return email;
        });
        var dispatcher = NewDispatcher();

        Assert.Equal(0, await dispatcher.ProcessDueAsync(CancellationToken.None));
        App.Clock.Advance(OutboxProcessor.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.ProcessDueAsync(CancellationToken.None));

        Assert.Equal(EmailStatus.Sent, (await App.FindAsync<OutboxEmail>(ids[0]))!.Status);
    }

    [Fact]
    public async Task Should_pass_attachments_such_as_calendar_invitations_to_the_sender()
    {
        var ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray();
        await QueueAsync(1, _ => new OutboxEmail("cal@example.com", "Cal", "Interview", "Body", "<p>Body</p>", App.Clock.GetUtcNow())
            .WithAttachment("interview.ics", "text/calendar; method=REQUEST; charset=utf-8", ics));

        await NewDispatcher().ProcessDueAsync(CancellationToken.None);

        var sent = Assert.Single(App.Sender.Sent);
        Assert.Equal("interview.ics", sent.AttachmentName);
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", sent.AttachmentContentType);
        Assert.Equal(ics, sent.AttachmentContent);
        Assert.Equal("<p>Body</p>", sent.HtmlBody);
    }

    [Fact]
    public async Task Should_not_write_audit_entries_for_delivery_bookkeeping()
    {
        await QueueAsync(3);

        await NewDispatcher().ProcessDueAsync(CancellationToken.None);

        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(OutboxEmail))));
    }

    [Fact]
    public async Task Should_write_eml_files_with_attachments_in_pickup_mode()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hp-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Options.Create(new EmailOptions { Mode = EmailMode.Pickup, PickupDirectory = folder, Smtp = new SmtpOptions { From = "hiring@example.com" } });
            var sender = new PickupFolderEmailSender(options, App.Clock);

            await sender.SendAsync(new Application.Common.Interfaces.EmailMessage("ada@example.com", "Ada", "Your interview", "See you then.", "<p>See you then.</p>",
                "interview.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR"u8.ToArray()), CancellationToken.None);

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("Your interview", message.Subject);
            Assert.Equal("ada@example.com", message.To.Mailboxes.Single().Address);
            Assert.Equal("hiring@example.com", message.From.Mailboxes.Single().Address);
            Assert.Equal("See you then.", message.TextBody?.Trim());
            var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
            Assert.Equal("interview.ics", attachment.FileName);
            Assert.Equal("text/calendar", attachment.ContentType.MimeType);
            Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_default_to_pickup_in_development_and_smtp_elsewhere_with_a_folder_under_the_checkout()
    {
        var options = App.Services.GetRequiredService<IOptions<EmailOptions>>().Value;

        // The tests run in the Testing environment: SMTP without a host, so nothing would leave the machine anyway.
        Assert.Equal(EmailMode.Smtp, options.Mode);
        Assert.False(options.IsSmtpConfigured);
        Assert.Contains("turned off", options.Describe());
        Assert.EndsWith(Path.Combine(".data", "mail"), options.PickupDirectory);
    }
}
