using HiringPlatform.Application.Domain.Users;

namespace HiringPlatform.UnitTests.Domain;

public sealed class RolesTests
{
    [Fact]
    public void Should_name_the_hiring_manager_role_in_words_and_the_others_as_they_are()
    {
        Assert.Equal(["Admin", "Recruiter", "Hiring manager", "Interviewer"], Roles.All.Select(Roles.DisplayName));
    }

    [Fact]
    public void Should_give_a_role_its_normalized_name_and_a_user_an_id_and_a_security_stamp()
    {
        var role = new AppRole(Roles.HiringManager);
        Assert.Equal(("HiringManager", "HIRINGMANAGER"), (role.Name, role.NormalizedName));
        Assert.NotEqual(Guid.Empty, role.Id);

        var (first, second) = (new AppUser(), new AppUser());
        Assert.NotEqual(first.Id, second.Id);
        Assert.False(string.IsNullOrEmpty(first.SecurityStamp));
        Assert.NotEqual(first.SecurityStamp, second.SecurityStamp);
        Assert.True(first.IsActive);
        Assert.Equal("UTC", first.TimeZoneId);
    }
}
