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
}
