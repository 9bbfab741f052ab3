using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Seeding;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Respawn;
using Xunit;

namespace HiringPlatform.Testing;

// One app and one database per test assembly (style rule 32). Tests in an assembly share it through an
// xunit collection and run one at a time; every test starts from a reset database (TestBase).
public abstract class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Respawner? _respawner;

    public string ConnectionString { get; protected set; } = "";
    public TestClock Clock { get; } = new();

    // Short, distinct per test assembly: the database is hp_<name>_<checkout hash>.
    protected abstract string DatabaseName { get; }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync(DatabaseName);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory"],
        });
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (ConnectionString.Length > 0) await TestDatabase.DropAsync(ConnectionString);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        // Tests move the clock by hand; scheduled retention would erase their data behind their back.
        builder.UseSetting("Retention:ScheduleEnabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            services.AddScoped<CurrentUser>();
            services.RemoveAll<ICurrentUser>();
            services.AddScoped<ICurrentUser, SwitchableCurrentUser>();
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
            // Requests carrying the test header are authenticated by it; all others by Identity's cookie as usual.
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = "TestOrCookie";
                o.DefaultAuthenticateScheme = "TestOrCookie";
            });
            services.AddAuthentication().AddPolicyScheme("TestOrCookie", "Test or cookie", o =>
                o.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(TestAuthHandler.HeaderName)
                    ? TestAuthHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
            ConfigureServices(services);
        });
    }

    protected virtual void ConfigureServices(IServiceCollection services) { }

    public async Task ResetAsync()
    {
        Clock.Reset();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        await using var scope = Services.CreateAsyncScope();
        await ReferenceDataSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    // Sends a request through the real mediator pipeline in a fresh scope, as the given user (or anonymous). One overload
    // per request kind because the source-generated ISender has one Send per kind.
    public Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, TestUser? asUser) => AsUserAsync(asUser, sender => sender.Send(request));

    public Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> request, TestUser? asUser) => AsUserAsync(asUser, sender => sender.Send(request));

    public Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> request, TestUser? asUser) => AsUserAsync(asUser, sender => sender.Send(request));

    private async Task<TResponse> AsUserAsync<TResponse>(TestUser? asUser, Func<ISender, ValueTask<TResponse>> send)
    {
        var previous = TestUserContext.User;
        TestUserContext.User = asUser;
        try
        {
            await using var scope = Services.CreateAsyncScope();
            return await send(scope.ServiceProvider.GetRequiredService<ISender>());
        }
        finally
        {
            TestUserContext.User = previous;
        }
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<T?> FindAsync<T>(params object[] keys) where T : class =>
        WithDbAsync(db => db.Set<T>().FindAsync(keys).AsTask());

    private int _userCounter;

    // A staff user with the given roles and a real password (so sign-in forms work too).
    public async Task<TestUser> CreateUserAsync(string displayName, params string[] roles)
    {
        var n = Interlocked.Increment(ref _userCounter);
        var email = $"{displayName.ToLowerInvariant().Replace(' ', '.')}.{n}@test.hiringplatform.dev";
        const string password = "lantern-orbit-maple-42";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = Clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0) await users.AddToRolesAsync(user, roles);
        return new TestUser(user.Id, email, displayName, roles, password);
    }

    public HttpClient CreateClientAs(TestUser? user, bool followRedirects = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });
        if (user is not null) client.DefaultRequestHeaders.Add(TestAuthHandler.HeaderName, user.Header);
        // Each client is a machine of its own to the sign-in throttle (TestServer has no client address).
        client.DefaultRequestHeaders.Add(TestClientAddress.HeaderName, TestClientAddress.Next());
        return client;
    }
}

// Base class for tests: a clean database before every test (style rule 33).
public abstract class TestBase<TFixture>(TFixture fixture) : IAsyncLifetime where TFixture : AppFixture
{
    protected TFixture App { get; } = fixture;

    public virtual Task InitializeAsync() => App.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

// TestServer leaves Connection.RemoteIpAddress empty; the credential throttle keys on it, so each test client
// gets an address of its own (CreateClientAs), and a test can post as any address it likes.
public sealed class TestClientAddress : IStartupFilter
{
    public const string HeaderName = "X-Test-Client-Address";
    private static int _counter;

    public static string Next()
    {
        var n = Interlocked.Increment(ref _counter);
        return $"10.{(n >> 16) & 0xff}.{(n >> 8) & 0xff}.{n & 0xff}";
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[HeaderName].ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
