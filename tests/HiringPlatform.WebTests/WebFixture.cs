using HiringPlatform.Testing;

namespace HiringPlatform.WebTests;

public sealed class WebFixture : AppFixture
{
    protected override string DatabaseName => "web";
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}

[Collection(WebCollection.Name)]
public abstract class WebTest(WebFixture fixture) : TestBase<WebFixture>(fixture);
