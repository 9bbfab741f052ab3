using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Operations;

namespace HiringPlatform.UnitTests.Domain;

public sealed class OutboxEmailTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static OutboxEmail NewEmail() => new("ada@example.com", "Ada", "Subject", "Body", null, Now);

    [Fact]
    public void Should_be_due_at_once_when_queued()
    {
        var email = NewEmail();

        Assert.Equal(EmailStatus.Pending, email.Status);
        Assert.Equal(Now, email.NextAttemptAt);
    }

    [Fact]
    public void Should_hold_a_lease_while_sending_and_count_the_attempt_when_done()
    {
        var email = NewEmail();

        email.MarkSending(Now.AddMinutes(5));
        Assert.Equal(EmailStatus.Sending, email.Status);
        Assert.Equal(Now.AddMinutes(5), email.NextAttemptAt);

        email.MarkSent(Now.AddSeconds(2));
        Assert.Equal(EmailStatus.Sent, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.Throws<DomainException>(() => email.MarkSending(Now.AddMinutes(5)));
    }

    [Fact]
    public void Should_back_off_and_fail_after_the_last_attempt_then_allow_a_fresh_start()
    {
        var email = NewEmail();
        for (var i = 0; i < OutboxEmail.MaxAttempts; i++) email.MarkFailed("refused", Now);
        Assert.Equal(EmailStatus.Failed, email.Status);

        email.Requeue(Now.AddHours(1));

        Assert.Equal(EmailStatus.Pending, email.Status);
        Assert.Equal(0, email.Attempts);
        Assert.Equal(Now.AddHours(1), email.NextAttemptAt);
        Assert.Throws<DomainException>(() => email.Requeue(Now));
    }

    [Fact]
    public void Should_not_send_an_erased_email_again()
    {
        var email = NewEmail();
        for (var i = 0; i < OutboxEmail.MaxAttempts; i++) email.MarkFailed("refused", Now);
        email.Erase();

        Assert.True(email.IsErased);
        Assert.Throws<DomainException>(() => email.Requeue(Now));
    }

    [Fact]
    public void Should_keep_only_the_start_of_a_long_error()
    {
        var email = NewEmail();

        email.MarkFailed(new string('x', 2000), Now);

        Assert.Equal(500, email.LastError!.Length);
    }

    [Fact]
    public void Should_back_off_one_two_four_eight_and_sixteen_minutes()
    {
        var email = NewEmail();
        email.MarkSending(Now.AddMinutes(5), Guid.NewGuid());
        var waits = new List<double>();
        for (var i = 0; i < OutboxEmail.MaxAttempts - 1; i++)
        {
            email.MarkFailed("refused", Now);
            Assert.Equal(EmailStatus.Pending, email.Status);
            Assert.Null(email.ClaimToken);
            waits.Add((email.NextAttemptAt - Now).TotalMinutes);
        }
        Assert.Equal([1, 2, 4, 8, 16], waits);
        Assert.Equal("refused", email.LastError);

        email.MarkFailed(new string('x', 500), Now);
        Assert.Equal(EmailStatus.Failed, email.Status);
        Assert.Equal(500, email.LastError!.Length);
    }

    [Fact]
    public void Should_take_a_new_claim_token_on_each_claim_and_drop_it_once_sent()
    {
        var email = NewEmail();
        var token = Guid.NewGuid();
        email.MarkSending(Now.AddMinutes(5), token);
        Assert.Equal(token, email.ClaimToken);
        email.MarkSending(Now.AddMinutes(10));
        Assert.NotNull(email.ClaimToken);
        Assert.NotEqual(token, email.ClaimToken);
        Assert.Equal(Now.AddMinutes(10), email.NextAttemptAt);

        email.MarkFailed("timeout", Now);
        email.MarkSent(Now.AddMinutes(3));
        Assert.Equal((EmailStatus.Sent, (DateTimeOffset?)Now.AddMinutes(3), 2, (string?)null, (Guid?)null),
            (email.Status, email.SentAt, email.Attempts, email.LastError, email.ClaimToken));
        Assert.Equal("Only a queued email can be sent.", Assert.Throws<DomainException>(() => email.MarkSending(Now)).Message);

        var failed = NewEmail();
        for (var i = 0; i < OutboxEmail.MaxAttempts; i++) failed.MarkFailed("refused", Now);
        Assert.Throws<DomainException>(() => failed.MarkSending(Now));
    }

    [Fact]
    public void Should_remove_secret_links_from_the_stored_body_once_sent()
    {
        var secret = new OutboxEmail("ada@example.com", null, "Set your password", "Go to https://hire.example/set?t=abc now.",
            "<a href=\"http://hire.example/set?t=abc\">set</a>", Now).WithSecretLink();
        var plain = new OutboxEmail("ada@example.com", null, "Hello", "See https://hire.example/jobs", null, Now);
        var textOnly = new OutboxEmail("ada@example.com", null, "Hello", "https://hire.example/set?t=x", null, Now).WithSecretLink();
        Assert.True(secret.HasSecretLink);
        Assert.False(plain.HasSecretLink);

        secret.MarkSent(Now);
        plain.MarkSent(Now);
        textOnly.MarkSent(Now);

        Assert.Equal("Go to [link removed after sending] now.", secret.TextBody);
        Assert.Equal("<a href=\"[link removed after sending]\">set</a>", secret.HtmlBody);
        Assert.Equal("See https://hire.example/jobs", plain.TextBody);
        Assert.Null(textOnly.HtmlBody);
        Assert.Equal(OutboxEmail.RedactedLink, textOnly.TextBody);
    }

    [Fact]
    public void Should_erase_the_recipient_the_content_and_the_attachment()
    {
        var candidate = Guid.NewGuid();
        var email = new OutboxEmail("ada@example.com", "Ada", "Interview", "Body", "<p>Body</p>", Now, candidate)
            .WithAttachment("invite.ics", "text/calendar", [1, 2, 3]);
        Assert.Equal(("invite.ics", "text/calendar", 3), (email.AttachmentName, email.AttachmentContentType, email.AttachmentContent!.Length));
        Assert.False(email.IsErased);

        email.Erase();

        Assert.True(email.IsErased);
        Assert.Equal($"erased+{email.Id:N}@invalid", email.To);
        Assert.Equal(("(erased)", ""), (email.Subject, email.TextBody));
        Assert.Null(email.ToName);
        Assert.Null(email.HtmlBody);
        Assert.Null(email.AttachmentName);
        Assert.Null(email.AttachmentContent);
        Assert.Equal(candidate, email.CandidateId);
    }
}
