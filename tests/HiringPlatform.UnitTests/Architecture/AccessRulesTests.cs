using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.JobPostings;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HiringPlatform.UnitTests.Architecture;

// Team membership is read in one place (ADR-0009): Common/Security/PostingAccess. This scans the IL of every method
// in the Application and Web assemblies — lambdas, async state machines and LINQ expression trees included, since an
// expression tree names the property with `ldtoken` — for the two ways to reach team rows: the DbSet and the
// posting's navigation. Anything else must ask PostingAccess (TeamOf/MembershipsOf for pages that list a team).
public sealed class AccessRulesTests
{
    private static readonly (string Type, string Member)[] TeamMembership =
    [
        (typeof(AppDbContext).FullName!, "get_" + nameof(AppDbContext.PostingTeamMembers)),
        (typeof(JobPosting).FullName!, "get_" + nameof(JobPosting.TeamMembers)),
    ];

    // Who may touch team rows directly, and why.
    private static readonly string[] Allowed =
    [
        typeof(PostingAccess).FullName!,                            // the home
        "HiringPlatform.Application.Data.",                         // the DbContext, its configuration and demo seeders
        "HiringPlatform.Application.Domain.",                       // JobPosting guards its own team
        "HiringPlatform.Application.Features.JobPostings.CreatePosting",   // the use cases that write the team
        "HiringPlatform.Application.Features.JobPostings.EditPosting",
        "HiringPlatform.Application.Features.JobPostings.ClonePosting",
        "HiringPlatform.Application.Features.JobPostings.Shared.PostingTeamRules",
        "HiringPlatform.Application.Features.JobPostings.Shared.TemplateLibrary",
    ];

    [Fact]
    public void Only_the_one_home_should_query_posting_team_membership()
    {
        var offenders = new SortedSet<string>();
        var scanned = 0;
        foreach (var assembly in new[] { typeof(AppDbContext).Assembly, typeof(HiringPlatform.Web.Infrastructure.Policies).Assembly })
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location);
            foreach (var type in module.GetTypes())
            {
                var owner = Outermost(type).FullName.Replace('/', '+');
                foreach (var method in type.Methods.Where(m => m.HasBody))
                {
                    scanned++;
                    foreach (var instruction in method.Body.Instructions)
                    {
                        if (instruction.Operand is not MemberReference member || member.DeclaringType is null) continue;
                        if (!TeamMembership.Contains((member.DeclaringType.FullName, member.Name))) continue;
                        if (Allowed.Any(a => owner == a || (a.EndsWith('.') && owner.StartsWith(a, StringComparison.Ordinal)))) continue;
                        offenders.Add($"{owner} ({method.Name} reads {member.DeclaringType.Name}.{member.Name[4..]})");
                    }
                }
            }
        }
        Assert.True(scanned > 1000, $"Scanned only {scanned} methods: is the scan looking at the right assemblies?");
        Assert.True(offenders.Count == 0,
            "These read posting team membership themselves; ask Common/Security/PostingAccess instead:\n" + string.Join("\n", offenders));
    }

    // The scan must see references inside expression trees, where handlers write their queries.
    [Fact]
    public void The_scan_should_see_team_membership_read_inside_a_linq_expression()
    {
        using var module = ModuleDefinition.ReadModule(typeof(PostingAccess).Assembly.Location);
        var home = module.GetType(typeof(PostingAccess).FullName);
        var visibleTo = home.Methods.Single(m => m.Name == nameof(PostingAccess.VisibleTo));
        Assert.Contains(visibleTo.Body.Instructions, i => i.OpCode == OpCodes.Ldtoken && i.Operand is MethodReference { Name: "get_TeamMembers" });
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }
}
