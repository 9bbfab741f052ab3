using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests;

public sealed class IntegrationFixture : AppFixture
{
    protected override string DatabaseName => "integration";
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<IntegrationFixture>
{
    public const string Name = "integration";
}

[Collection(IntegrationCollection.Name)]
public abstract class IntegrationTest(IntegrationFixture fixture) : TestBase<IntegrationFixture>(fixture);
