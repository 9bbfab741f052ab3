using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Common;
using NetArchTest.Rules;

namespace HiringPlatform.UnitTests.Architecture;

public sealed class LayerTests
{
    private static readonly System.Reflection.Assembly ApplicationAssembly = typeof(AppDbContext).Assembly;

    [Fact]
    public void Application_should_not_depend_on_web_or_infrastructure()
    {
        var types = Types.InAssembly(ApplicationAssembly);
        Assert.NotEmpty(types.GetTypes());
        var result = types.ShouldNot().HaveDependencyOnAny("HiringPlatform.Web", "HiringPlatform.Infrastructure", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Http").GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Domain_should_not_depend_on_ef_core_or_the_mediator()
    {
        var domain = Types.InAssembly(ApplicationAssembly).That().ResideInNamespace("HiringPlatform.Application.Domain");
        var checkedTypes = domain.GetTypes().ToList();
        Assert.NotEmpty(checkedTypes);
        Assert.Contains(typeof(Entity), checkedTypes);
        var result = domain.ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Mediator", "FluentValidation", "Npgsql",
            "HiringPlatform.Application.Data", "HiringPlatform.Application.Features").GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Every_request_should_declare_who_may_send_it()
    {
        var requests = ApplicationAssembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Mediator.IMessage).IsAssignableFrom(t))
            .ToList();
        var undeclared = requests.Where(t =>
            !t.IsDefined(typeof(HiringPlatform.Application.Common.Security.AuthorizeAttribute), true) &&
            !t.IsDefined(typeof(HiringPlatform.Application.Common.Security.AllowAnonymousAttribute), true)).Select(t => t.FullName).ToList();
        Assert.Empty(undeclared);
    }

    // A marked request reads a hot standby, which refuses writes: only queries may be marked (ADR-0020).
    [Fact]
    public void Only_queries_should_read_from_the_replica()
    {
        var marked = ApplicationAssembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(HiringPlatform.Application.Common.Interfaces.IReadFromReplica).IsAssignableFrom(t))
            .ToList();
        Assert.NotEmpty(marked);
        Assert.Empty(marked.Where(t => !typeof(Mediator.IBaseQuery).IsAssignableFrom(t) || typeof(Mediator.IBaseCommand).IsAssignableFrom(t))
            .Select(t => t.FullName));
    }
}
