using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.UnitTests.Domain;

public sealed class CandidateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static Candidate WithDetails(string name, string email, string suffix) =>
        new(name, email)
        {
            Phone = "+1 555 01" + suffix,
            Location = "Lisbon " + suffix,
            TimeZoneId = "Europe/Lisbon",
            LinkedInUrl = "https://linkedin.example/" + suffix,
            GitHubUrl = "https://github.example/" + suffix,
            WebsiteUrl = "https://site.example/" + suffix,
            SourceDetail = "Referred by " + suffix,
            ResumeText = "Résumé " + suffix,
            ResumeFileId = Guid.NewGuid(),
        };

    [Fact]
    public void Should_keep_the_email_trimmed_and_lower_cased_and_the_name_trimmed()
    {
        var candidate = new Candidate("  Ada Lovelace ", "  Ada@Example.COM ");
        Assert.Equal("Ada Lovelace", candidate.FullName);
        Assert.Equal("ada@example.com", candidate.Email);
        Assert.False(candidate.SharesEmailWithOtherProfile);
        Assert.False(candidate.IsErased);

        candidate.SetEmail(" New@Example.com");
        Assert.Equal("new@example.com", candidate.Email);
    }

    [Fact]
    public void Should_mark_a_careers_applicant_whose_email_another_profile_holds()
    {
        var applicant = Candidate.ApplicantSharingEmail("Ada", "ADA@example.com");
        Assert.True(applicant.SharesEmailWithOtherProfile);
        Assert.Equal("ada@example.com", applicant.Email);
    }

    [Fact]
    public void Should_refuse_to_merge_a_candidate_into_themselves()
    {
        var candidate = new Candidate("Ada", "ada@example.com");
        Assert.Throws<DomainException>(() => candidate.MarkMergedInto(candidate.Id));
        Assert.Throws<DomainException>(() => candidate.AbsorbDetailsOf(candidate));
        Assert.Null(candidate.MergedIntoId);
        Assert.Equal("ada@example.com", candidate.Email);
    }

    [Fact]
    public void Should_give_up_the_email_and_every_personal_detail_when_merged_away()
    {
        var duplicate = WithDetails("Ada", "ada@example.com", "1");
        duplicate.AddTag("go");
        var shared = Candidate.ApplicantSharingEmail("Ada", "ada@example.com");
        var survivor = Guid.NewGuid();

        duplicate.MarkMergedInto(survivor);
        shared.MarkMergedInto(survivor);

        Assert.Equal(survivor, duplicate.MergedIntoId);
        Assert.Equal($"merged+{duplicate.Id:N}@invalid", duplicate.Email);
        Assert.Equal("Merged candidate", duplicate.FullName);
        AssertNoPersonalDetails(duplicate);
        Assert.False(shared.SharesEmailWithOtherProfile);
        Assert.False(duplicate.IsErased);
    }

    [Fact]
    public void Should_hold_the_email_alone_after_merging_only_the_profile_it_shared_it_with()
    {
        var survivor = Candidate.ApplicantSharingEmail("Ada", "ada@example.com");
        survivor.ConfirmEmailAfterMerge("other@example.com");
        Assert.True(survivor.SharesEmailWithOtherProfile);

        survivor.ConfirmEmailAfterMerge("ada@example.com");
        Assert.False(survivor.SharesEmailWithOtherProfile);

        var alone = new Candidate("Bob", "bob@example.com");
        alone.ConfirmEmailAfterMerge("bob@example.com");
        Assert.False(alone.SharesEmailWithOtherProfile);
    }

    [Fact]
    public void Should_never_move_the_last_close_backwards()
    {
        var candidate = new Candidate("Ada", "ada@example.com");
        Assert.Null(candidate.LastApplicationClosedAt);

        candidate.RecordApplicationClosed(Now);
        Assert.Equal(Now, candidate.LastApplicationClosedAt);

        candidate.RecordApplicationClosed(Now.AddDays(-1));
        Assert.Equal(Now, candidate.LastApplicationClosedAt);

        candidate.RecordApplicationClosed(Now.AddTicks(1));
        Assert.Equal(Now.AddTicks(1), candidate.LastApplicationClosedAt);
    }

    [Fact]
    public void Should_compare_tags_trimmed_lower_cased_with_single_spaces()
    {
        Assert.Equal("senior go", Candidate.NormalizeTag("  Senior   GO "));
        Assert.Equal("", Candidate.NormalizeTag("   "));

        var candidate = new Candidate("Ada", "ada@example.com");
        candidate.AddTag("Senior  Go");
        candidate.AddTag(" senior go ");
        Assert.Equal(["senior go"], candidate.Tags);
    }

    [Fact]
    public void Should_refuse_an_empty_tag_and_one_longer_than_forty_characters()
    {
        var candidate = new Candidate("Ada", "ada@example.com");
        Assert.Equal("A tag cannot be empty.", Assert.Throws<DomainException>(() => candidate.AddTag("   ")).Message);
        Assert.Equal("A tag has at most 40 characters.",
            Assert.Throws<DomainException>(() => candidate.AddTag(new string('x', Candidate.MaxTagLength + 1))).Message);

        candidate.AddTag(new string('x', Candidate.MaxTagLength));
        Assert.Equal(Candidate.MaxTagLength, Assert.Single(candidate.Tags).Length);
    }

    [Fact]
    public void Should_refuse_a_thirty_first_tag_but_accept_one_it_already_has()
    {
        var candidate = new Candidate("Ada", "ada@example.com");
        for (var i = 0; i < Candidate.MaxTags - 1; i++) candidate.AddTag($"tag {i}");
        candidate.AddTag("last");
        Assert.Equal(Candidate.MaxTags, candidate.Tags.Count);

        candidate.AddTag("LAST");
        Assert.Equal("A candidate has at most 30 tags.", Assert.Throws<DomainException>(() => candidate.AddTag("one more")).Message);
        Assert.Equal(Candidate.MaxTags, candidate.Tags.Count);
    }

    [Fact]
    public void Should_remove_a_tag_as_typed_and_keep_the_others()
    {
        var candidate = new Candidate("Ada", "ada@example.com");
        candidate.AddTag("go");
        candidate.AddTag("senior go");
        candidate.RemoveTag("  SENIOR   go ");
        Assert.Equal(["go"], candidate.Tags);
    }

    [Fact]
    public void Should_take_the_duplicate_s_details_only_where_the_survivor_has_none()
    {
        var survivor = new Candidate("Ada", "ada@example.com") { Phone = "+1 555 0100" };
        survivor.AddTag("go");
        var duplicate = WithDetails("Ada L.", "ada.l@example.com", "2");
        duplicate.AddTag("rust");
        duplicate.AddTag("go");
        duplicate.RecordApplicationClosed(Now);

        survivor.AbsorbDetailsOf(duplicate);

        Assert.Equal("+1 555 0100", survivor.Phone);
        Assert.Equal(duplicate.Location, survivor.Location);
        Assert.Equal(duplicate.TimeZoneId, survivor.TimeZoneId);
        Assert.Equal(duplicate.LinkedInUrl, survivor.LinkedInUrl);
        Assert.Equal(duplicate.GitHubUrl, survivor.GitHubUrl);
        Assert.Equal(duplicate.WebsiteUrl, survivor.WebsiteUrl);
        Assert.Equal(duplicate.SourceDetail, survivor.SourceDetail);
        Assert.Equal(duplicate.ResumeFileId, survivor.ResumeFileId);
        Assert.Equal(duplicate.ResumeText, survivor.ResumeText);
        Assert.Equal(["go", "rust"], survivor.Tags);
        Assert.Equal(Now, survivor.LastApplicationClosedAt);
        Assert.Equal("Ada", survivor.FullName);
        Assert.Equal("ada@example.com", survivor.Email);
    }

    [Fact]
    public void Should_keep_the_survivor_s_own_details_and_r_sum_()
    {
        var survivor = WithDetails("Ada", "ada@example.com", "1");
        survivor.RecordApplicationClosed(Now);
        var before = (survivor.Phone, survivor.Location, survivor.TimeZoneId, survivor.LinkedInUrl, survivor.GitHubUrl,
            survivor.WebsiteUrl, survivor.SourceDetail, survivor.ResumeFileId, survivor.ResumeText);
        var duplicate = WithDetails("Ada", "ada2@example.com", "2");
        duplicate.RecordApplicationClosed(Now.AddDays(-3));

        survivor.AbsorbDetailsOf(duplicate);

        Assert.Equal(before, (survivor.Phone, survivor.Location, survivor.TimeZoneId, survivor.LinkedInUrl, survivor.GitHubUrl,
            survivor.WebsiteUrl, survivor.SourceDetail, survivor.ResumeFileId, survivor.ResumeText));
        Assert.Equal(Now, survivor.LastApplicationClosedAt);
    }

    [Fact]
    public void Should_not_take_text_without_a_file_and_should_cap_the_merged_tags()
    {
        var survivor = new Candidate("Ada", "ada@example.com");
        for (var i = 0; i < 20; i++) survivor.AddTag($"mine {i}");
        var duplicate = new Candidate("Ada", "ada2@example.com") { ResumeText = "stray text" };
        for (var i = 0; i < 20; i++) duplicate.AddTag($"theirs {i}");

        survivor.AbsorbDetailsOf(duplicate);

        Assert.Null(survivor.ResumeFileId);
        Assert.Null(survivor.ResumeText);
        Assert.Equal(Candidate.MaxTags, survivor.Tags.Count);
        Assert.Equal("mine 0", survivor.Tags[0]);
        Assert.Null(survivor.LastApplicationClosedAt);
    }

    [Fact]
    public void Should_erase_the_person_but_keep_the_row()
    {
        var candidate = WithDetails("Ada", "ada@example.com", "1");
        var shared = Candidate.ApplicantSharingEmail("Ada", "ada@example.com");
        candidate.AddTag("go");

        candidate.Erase(Now);
        shared.Erase(Now);

        Assert.True(candidate.IsErased);
        Assert.Equal(Now, candidate.ErasedAt);
        Assert.Equal("Erased candidate", candidate.FullName);
        Assert.Equal($"erased+{candidate.Id:N}@invalid", candidate.Email);
        AssertNoPersonalDetails(candidate);
        Assert.False(shared.SharesEmailWithOtherProfile);
    }

    [Fact]
    public void Should_store_a_possible_duplicate_pair_once_with_the_smaller_id_first()
    {
        var (a, b) = (Guid.Parse("0193a000-0000-7000-8000-000000000001"), Guid.Parse("0193a000-0000-7000-8000-000000000002"));
        var forward = new PossibleDuplicate(a, b, "same phone", Now);
        var backward = new PossibleDuplicate(b, a, "same phone", Now);
        Assert.Equal((a, b), (forward.CandidateId, forward.OtherCandidateId));
        Assert.Equal((a, b), (backward.CandidateId, backward.OtherCandidateId));
    }

    private static void AssertNoPersonalDetails(Candidate c)
    {
        Assert.Null(c.Phone);
        Assert.Null(c.Location);
        Assert.Null(c.TimeZoneId);
        Assert.Null(c.LinkedInUrl);
        Assert.Null(c.GitHubUrl);
        Assert.Null(c.WebsiteUrl);
        Assert.Null(c.SourceDetail);
        Assert.Null(c.ResumeText);
        Assert.Null(c.ResumeFileId);
        Assert.Empty(c.Tags);
    }
}
