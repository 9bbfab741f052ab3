using HiringPlatform.Application.Data;
using HiringPlatform.IntegrationTests.Common;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.IntegrationTests;

public sealed class IntegrationFixture : AppFixture
{
    protected override string DatabaseName => "integration";

    // Idle unless a test arms it (IdempotencyTests).
    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(LostCommitAcknowledgement.Instance));
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<IntegrationFixture>
{
    public const string Name = "integration";
}

[Collection(IntegrationCollection.Name)]
public abstract class IntegrationTest(IntegrationFixture fixture) : TestBase<IntegrationFixture>(fixture);
