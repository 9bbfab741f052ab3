using HiringPlatform.Application;
using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Seeding;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Careers.Shared;
using HiringPlatform.Infrastructure;
using HiringPlatform.Web.Features.Careers;
using HiringPlatform.Web.Infrastructure;
using HiringPlatform.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Formatting.Compact;

if (args is ["healthcheck", ..])
{
    Environment.Exit(await HealthProbe.RunAsync());
}

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((context, services, logger) =>
{
    logger.ReadFrom.Configuration(context.Configuration).ReadFrom.Services(services).Enrich.FromLogContext()
        .Filter.ByExcluding(DatabaseUnavailableHandler.IsEntityFrameworkEcho);
    if (context.HostingEnvironment.IsDevelopment())
        logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId} {TraceId}{NewLine}{Exception}");
    else
        // CLEF: every line carries the current trace and span ids (@tr, @sp), which Serilog takes from Activity.Current.
        logger.WriteTo.Console(new CompactJsonFormatter());
});

// Production never starts a database of its own: without a connection string it refuses to start.
var connectionString = builder.Configuration.GetConnectionString("Default");
if (string.IsNullOrWhiteSpace(connectionString))
    throw new InvalidOperationException(
        "No database configured: set ConnectionStrings__Default (for example Host=...;Database=hiring;Username=...;Password=...). " +
        "For a local database with demo data, use ./build.sh run.");

builder.Services.AddApplication(connectionString, ReadYourWritesMiddleware.Options(builder.Configuration));
builder.AddObservability();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.Scan<IDemoSeeder>();

builder.Services.AddMediator((Mediator.MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(HiringPlatform.Application.DependencyInjection)];
    options.PipelineBehaviors =
    [
        typeof(TracingBehaviour<,>),
        typeof(LoggingBehaviour<,>),
        typeof(UnhandledExceptionBehaviour<,>),
        typeof(AuthorizationBehaviour<,>),
        typeof(ValidationBehaviour<,>),
        typeof(ReadRoutingBehaviour<,>),
        typeof(TransactionBehaviour<,>),
        typeof(IdempotencyBehaviour<,>),
        typeof(PerformanceBehaviour<,>),
    ];
});

builder.Services
    .AddIdentity<AppUser, AppRole>(options =>
    {
        options.User.RequireUniqueEmail = true;
        // NIST 800-63B / ASVS 2.1: length and a guessability check (GuessablePasswordValidator), no composition rules.
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireDigit = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequiredUniqueChars = 1;
        // No hard lockout: it let anyone lock any staff member out and told who had an account. Guessing is slowed
        // by the credential throttle instead (CredentialThrottling, ADR-0015). Identity still counts failures
        // (two-step codes), but never reaches this number.
        options.Lockout.AllowedForNewUsers = false;
        options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
        options.SignIn.RequireConfirmedAccount = false;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
    .AddDefaultTokenProviders()
    .AddPasswordValidator<GuessablePasswordValidator>()
    // Replaces Identity's authenticator provider: a code is accepted once (ASVS 2.8.4).
    .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
builder.Services.AddAccountTokens();

builder.Services.AddCredentialThrottling(builder.Configuration);

// Identity's full re-validation (stamp plus fresh claims: name, roles, time zone) once a minute; SessionCookies
// compares the stamp alone on every request, so sign-out and deactivation end a copied cookie at once.
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/sign-in";
    options.LogoutPath = "/account/sign-out";
    options.AccessDeniedPath = "/account/access-denied";
    options.Cookie.Name = "hp.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    options.ExpireTimeSpan = TimeSpan.FromHours(10);
    options.SlidingExpiration = true;
    SessionCookies.Configure(options);
    // A signed-in user without the role gets a real 403 (rendered by the status page), not a redirect.
    options.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});

builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "hp.antiforgery";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
});

// Keys in PostgreSQL: sign-ins survive restarts and work across several app instances.
builder.Services.AddDataProtection().SetApplicationName("HiringPlatform").PersistKeysToDbContext<AppDbContext>();
builder.Services.AddSingleton<IApplicationStatusTokens, ApplicationStatusTokens>();

builder.Services.AddAuthorization(Policies.Configure);

builder.Services
    .AddControllersWithViews(options =>
    {
        options.ModelBinderProviders.Insert(0, new StorableTextBinderProvider());
        options.Filters.Add<AutoValidateAntiforgeryTokenAttribute>();
        options.Filters.Add<BoundArgumentsFilter>();
        options.Filters.Add<ApplicationExceptionFilter>();
        // Validation is FluentValidation's job (ValidationBehaviour): without this, MVC rejects an empty non-nullable
        // string with its own "The X field is required." before the validator's message can be shown.
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
    })
    .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureFolderLocationExpander()));

builder.Services.AddProxySupport(builder.Configuration, builder.Environment);
builder.Services.AddWebFeatures(builder.Configuration);
builder.Services.AddAppUrls(builder.Configuration, builder.Environment);
builder.Services.AddHostedService<HiringPlatform.Web.Features.Interviews.FeedbackReminderService>();

builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
builder.Services.AddHealthChecks()
    .AddDbContextCheck<AppDbContext>("postgresql", tags: ["ready"])
    // Backlogs report Degraded (still 200): a person should look, but the pod keeps serving.
    .AddCheck<OutboxHealthCheck>("outbox", failureStatus: HealthStatus.Degraded, tags: ["ready"])
    .AddCheck<ResumeExtractionHealthCheck>("resume-extraction", failureStatus: HealthStatus.Degraded, tags: ["ready"]);

var app = builder.Build();

if (args.Contains("migrate"))
{
    // Deploy step: apply migrations and reference data, then exit.
    await DatabaseInitializer.MigrateAsync(app.Services, seedDemoData: false);
    return;
}

var migrateOnStartup = app.Configuration.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment());
if (migrateOnStartup)
    await DatabaseInitializer.MigrateAsync(app.Services, seedDemoData: app.Environment.IsDevelopment() && app.Configuration.GetValue("Database:SeedDemoData", true));

// The private metrics port answers /metrics and nothing else, before anything logs or authenticates.
app.UseMetricsEndpoint();

// Forwarded headers first: everything after sees the client's address and scheme (HSTS and the HTTPS redirect included).
app.UseProxySupport();

// The request log sits outside the exception handler, so it records the status actually sent (503 while the
// database is away, not the 500 it would assume for any exception) and leaves stack traces to the handler.
app.UseMiddleware<CorrelationIdMiddleware>();
app.UseSerilogRequestLogging(options =>
    options.GetLevel = (http, _, ex) => http.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Verbose
        // A 503 is the database being away: DatabaseUnavailableHandler logs that once, not once per request.
        : ex is not null || http.Response.StatusCode is >= 500 and not StatusCodes.Status503ServiceUnavailable ? Serilog.Events.LogEventLevel.Error
        : Serilog.Events.LogEventLevel.Information);

// DatabaseUnavailableHandler answers 503 while PostgreSQL is unreachable; anything else re-runs as /error (a 500).
app.UseExceptionHandler("/error");

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseMiddleware<ReadYourWritesMiddleware>();
app.UseCredentialThrottling();
app.UseWebFeatures();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<RequireTwoFactorMiddleware>();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapControllers();

if (app.Environment.IsDevelopment() && migrateOnStartup)
    app.Lifetime.ApplicationStarted.Register(() => DatabaseInitializer.PrintDemoSignIns(string.Join(", ", app.Urls)));

await app.RunAsync();

public partial class Program;
