using HiringPlatform.Application.Data;
using Mono.Cecil;

namespace HiringPlatform.UnitTests.Architecture;

// The area rule (ADR-0024): Features/<Area>/ holds use cases (one request + handler per file, or a domain-event
// reaction); Features/<Area>/Shared/ holds that area's helpers and is its only public surface. A use case or helper of
// one area may use Domain, Data, Common, its own area and another area's Shared namespace, never another area's use
// cases; and no two areas may depend on each other, even through Shared. The scan reads the compiled IL (method bodies,
// lambdas, async state machines, expression trees), so a fully qualified name gets no pass that a using would not.
public sealed class AreaBoundaryTests
{
    private const string Features = "HiringPlatform.Application.Features.";

    private static readonly Lazy<IReadOnlyDictionary<string, HashSet<(string Owner, string Target)>>> References = new(Scan);

    [Fact]
    public void A_use_case_should_use_no_other_area_except_through_its_shared_namespace()
    {
        var offenders = References.Value.SelectMany(area => area.Value
                .Where(r => AreaOf(r.Target) is { } target && target != area.Key && !IsShared(r.Target))
                .Select(r => $"{r.Owner} uses {r.Target}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0,
            "These reach into another area's use cases; move what they share into that area's Shared/ or into Common/:\n" +
            string.Join("\n", offenders));
    }

    [Fact]
    public void Areas_should_not_depend_on_each_other_in_a_cycle()
    {
        var edges = References.Value.ToDictionary(a => a.Key,
            a => a.Value.Select(r => AreaOf(r.Target)).OfType<string>().Where(t => t != a.Key).ToHashSet());
        Assert.True(edges.Count >= 7, $"Found only {edges.Count} areas: is the scan looking at the right assembly?");
        var cycles = new List<string>();
        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
            foreach (var path in CyclesFrom(start, edges))
                cycles.Add(string.Join(" → ", path));
        Assert.True(cycles.Count == 0, "Areas that depend on each other:\n" + string.Join("\n", cycles.Distinct()));
    }

    // The scan must see what a handler names only inside a method body, or the rules above would pass vacuously.
    [Fact]
    public void The_scan_should_see_a_use_case_using_its_own_area_shared_helpers()
    {
        var candidates = References.Value["Candidates"];
        Assert.Contains(candidates, r => r.Owner == Features + "Candidates.MoveApplication" && r.Target.StartsWith(Features + "Candidates.Shared.", StringComparison.Ordinal));
        Assert.Contains(candidates, r => r.Owner == Features + "Candidates.MoveApplication" && r.Target == "HiringPlatform.Application.Common.Scoring.ApplicationScoring");
    }

    [Fact]
    public void Common_and_domain_should_not_depend_on_any_area()
    {
        using var module = ModuleDefinition.ReadModule(typeof(AppDbContext).Assembly.Location);
        var offenders = module.GetTypes()
            .Where(t => Outermost(t).Namespace is { } ns && (ns.StartsWith("HiringPlatform.Application.Common", StringComparison.Ordinal)
                                                             || ns.StartsWith("HiringPlatform.Application.Domain", StringComparison.Ordinal)))
            .SelectMany(t => ReferencedTypes(t).Where(r => r.StartsWith(Features, StringComparison.Ordinal)).Select(r => $"{Outermost(t).FullName} uses {r}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, "Common and Domain are below the areas:\n" + string.Join("\n", offenders));
    }

    // The compiler holds this line: Application references no ASP.NET Core framework assembly (no FrameworkReference),
    // only the Identity and Data Protection packages, so HttpContext, ModelState and MVC types cannot even be named there.
    [Fact]
    public void Application_should_reference_no_asp_net_core_framework_assembly()
    {
        var allowed = new[] { "Microsoft.AspNetCore.Identity.EntityFrameworkCore", "Microsoft.AspNetCore.DataProtection", "Microsoft.AspNetCore.Cryptography" };
        var referenced = typeof(AppDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains(referenced, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        var offenders = referenced.Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                                              && !allowed.Any(a => n.StartsWith(a, StringComparison.Ordinal))).ToList();
        Assert.True(offenders.Count == 0, "Application references ASP.NET Core: " + string.Join(", ", offenders));
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "HiringPlatform.Application", "HiringPlatform.Application.csproj"));
        Assert.DoesNotContain("<FrameworkReference", project, StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, HashSet<(string Owner, string Target)>> Scan()
    {
        using var module = ModuleDefinition.ReadModule(typeof(AppDbContext).Assembly.Location);
        var byArea = new Dictionary<string, HashSet<(string, string)>>();
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            if (owner.Namespace is not { } ns || AreaOf(ns + ".") is not { } area) continue;
            if (!byArea.TryGetValue(area, out var set)) byArea[area] = set = [];
            foreach (var target in ReferencedTypes(type)) set.Add((owner.FullName, target));
        }
        return byArea;
    }

    // The full names (outermost type) of every type a type names: base, interfaces, attributes, members and IL operands.
    private static IEnumerable<string> ReferencedTypes(TypeDefinition type)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        void Add(TypeReference? reference)
        {
            while (reference is TypeSpecification spec and not GenericInstanceType) reference = spec.ElementType;
            if (reference is null || reference is GenericParameter) return;
            if (reference is GenericInstanceType generic)
            {
                foreach (var argument in generic.GenericArguments) Add(argument);
                reference = generic.ElementType;
            }
            while (reference.DeclaringType is not null) reference = reference.DeclaringType;
            found.Add(reference.FullName);
        }
        void AddMember(MemberReference member)
        {
            Add(member.DeclaringType);
            switch (member)
            {
                case MethodReference method:
                    Add(method.ReturnType);
                    foreach (var p in method.Parameters) Add(p.ParameterType);
                    if (method is GenericInstanceMethod gm) foreach (var a in gm.GenericArguments) Add(a);
                    break;
                case FieldReference field:
                    Add(field.FieldType);
                    break;
            }
        }
        Add(type.BaseType);
        foreach (var i in type.Interfaces) Add(i.InterfaceType);
        foreach (var a in type.CustomAttributes) Add(a.AttributeType);
        foreach (var f in type.Fields) Add(f.FieldType);
        foreach (var p in type.Properties) Add(p.PropertyType);
        foreach (var method in type.Methods)
        {
            AddMember(method);
            foreach (var a in method.CustomAttributes) Add(a.AttributeType);
            if (!method.HasBody) continue;
            foreach (var v in method.Body.Variables) Add(v.VariableType);
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.Operand is TypeReference t) Add(t);
                else if (instruction.Operand is MemberReference m) AddMember(m);
            }
        }
        return found;
    }

    private static string? AreaOf(string fullName) =>
        fullName.StartsWith(Features, StringComparison.Ordinal) && fullName.IndexOf('.', Features.Length) is var dot and > 0
            ? fullName[Features.Length..dot] : null;

    private static bool IsShared(string fullName) =>
        AreaOf(fullName) is { } area && fullName.StartsWith($"{Features}{area}.Shared.", StringComparison.Ordinal);

    private static IEnumerable<List<string>> CyclesFrom(string start, IReadOnlyDictionary<string, HashSet<string>> edges)
    {
        var stack = new Stack<List<string>>([[start]]);
        while (stack.Count > 0)
        {
            var path = stack.Pop();
            foreach (var next in edges.GetValueOrDefault(path[^1]) ?? [])
            {
                if (next == start) yield return [.. path, next];
                else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0) stack.Push([.. path, next]);
            }
        }
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HiringPlatform.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HiringPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
