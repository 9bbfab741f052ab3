using System.Collections.Concurrent;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HiringPlatform.IntegrationTests.Email;

// Its own app and database: the dispatcher's background loop is off here and a fake sender counts what goes
// out, so tests can run several dispatchers side by side and assert exact counts.
public sealed class OutboxFixture : AppFixture
{
    public FakeEmailSender Sender { get; } = new();

    protected override string DatabaseName => "outbox";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:DispatcherEnabled", "false");
        builder.UseSetting("Email:BatchSize", "5");
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IEmailSender>();
        services.AddSingleton<IEmailSender>(Sender);
    }
}

public sealed class FakeEmailSender : IEmailSender
{
    public ConcurrentBag<EmailMessage> Sent { get; } = [];
    public Func<EmailMessage, Exception?> Fail { get; set; } = _ => null;
    public TimeSpan Delay { get; set; }

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, ct);
        if (Fail(message) is { } error) throw error;
        Sent.Add(message);
    }

    public void Reset()
    {
        Sent.Clear();
        Fail = _ => null;
        Delay = TimeSpan.Zero;
    }
}

[CollectionDefinition(Name)]
public sealed class OutboxCollection : ICollectionFixture<OutboxFixture>
{
    public const string Name = "outbox";
}

[Collection(OutboxCollection.Name)]
public abstract class OutboxTest(OutboxFixture fixture) : TestBase<OutboxFixture>(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Sender.Reset();
    }
}
