using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Rubrics;

public sealed class EditRubricTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private TestUser _recruiter = null!;
    private TestUser _manager = null!;
    private PostingInfo _posting = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _recruiter = await App.CreateUserAsync("Rubric Recruiter", Roles.Recruiter);
        _manager = await App.CreateUserAsync("Rubric Manager", Roles.HiringManager);
        _posting = await App.CreatePostingAsync(_recruiter, _manager);
    }

    private Task<EditRubric.Command> FormAsync() => App.SendAsync(new EditRubric.Query { PostingId = _posting.Id }, _manager);

    private static int IndexOf(EditRubric.Command form, Guid competencyId) => form.Items.FindIndex(i => i.CompetencyId == competencyId);

    private static EditRubric.Command WithItem(EditRubric.Command form, Guid competencyId, Func<EditRubric.Item, EditRubric.Item> change) =>
        form with { Items = form.Items.Select(i => i.CompetencyId == competencyId ? change(i) : i).ToList() };

    [Fact]
    public async Task Should_start_a_template_posting_with_the_default_rubric_and_shares()
    {
        var rubric = await App.SendAsync(new GetRubric.Query { PostingId = _posting.Id }, _recruiter);
        Assert.Equal(10, rubric.Items.Count);
        Assert.Equal(100m, rubric.TotalWeight);
        Assert.Equal(15.0m, rubric.Items.Single(i => i.Name == "System architecture and design").Share);
        Assert.Empty(rubric.Uncovered);
        Assert.False(rubric.CanEdit);
    }

    [Fact]
    public async Task Should_save_a_changed_weight_and_type_and_recompute_shares()
    {
        var cloud = await App.CompetencyIdAsync("cloud-devops");
        var form = await FormAsync();
        await App.SendAsync(WithItem(form, cloud, i => i with { Weight = 27, IsMustHave = true }), _manager);

        var rubric = await App.SendAsync(new GetRubric.Query { PostingId = _posting.Id }, _manager);
        var item = rubric.Items.Single(i => i.CompetencyId == cloud);
        Assert.Equal(27m, item.Weight);
        Assert.True(item.IsMustHave);
        Assert.Equal(120m, rubric.TotalWeight);
        Assert.Equal(22.5m, item.Share);
        Assert.Equal(12.5m, rubric.Items.Single(i => i.Name == "System architecture and design").Share);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    [InlineData(250)]
    public async Task Should_refuse_a_weight_that_is_not_above_0_and_at_most_100(double weight)
    {
        var security = await App.CompetencyIdAsync("security");
        var form = await FormAsync();
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(WithItem(form, security, i => i with { Weight = (decimal)weight }), _manager));
        Assert.Equal(["A weight must be more than 0 and at most 100."], ex.Errors[$"Items[{IndexOf(form, security)}].Weight"]);
    }

    [Fact]
    public async Task Should_refuse_a_missing_weight_and_more_than_two_decimals()
    {
        var security = await App.CompetencyIdAsync("security");
        var api = await App.CompetencyIdAsync("api-design");
        var form = await FormAsync();
        form = WithItem(WithItem(form, security, i => i with { Weight = null }), api, i => i with { Weight = 10.125m });
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(form, _manager));
        Assert.Equal(["Enter a weight."], ex.Errors[$"Items[{IndexOf(form, security)}].Weight"]);
        Assert.Equal(["Use at most two decimal places."], ex.Errors[$"Items[{IndexOf(form, api)}].Weight"]);
    }

    [Fact]
    public async Task Should_refuse_the_same_competency_twice()
    {
        var form = await FormAsync();
        var duplicate = form.Items[0] with { Weight = 3 };
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(form with { Items = [.. form.Items, duplicate] }, _manager));
        Assert.Equal(["Each competency can be in the rubric only once."], ex.Errors["Items"]);
    }

    [Fact]
    public async Task Should_refuse_to_add_a_retired_competency_but_keep_one_already_in_the_rubric()
    {
        var admin = await App.CreateUserAsync("Rubric Admin", Roles.Admin);
        var newId = await App.SendAsync(new CreateCompetency.Command
        {
            Name = "Product sense", Definition = "Shapes what gets built.", Level1 = "a", Level2 = "b", Level3 = "c", Level4 = "d",
        }, admin);
        await App.SendAsync(new RetireCompetency.Command { Id = newId }, admin);
        await App.SendAsync(new RetireCompetency.Command { Id = await App.CompetencyIdAsync("cloud-devops") }, admin);
        var form = await FormAsync();
        // The form only offers the retired competency that is already in the rubric.
        Assert.DoesNotContain(form.Items, i => i.CompetencyId == newId);

        var crafted = form with { Items = [.. form.Items, new EditRubric.Item { CompetencyId = newId, Included = true, Weight = 5, IsMustHave = true }] };
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(crafted, _manager));
        Assert.Equal(["\"Product sense\" is retired and cannot be added to a rubric."], ex.Errors[$"Items[{crafted.Items.Count - 1}].CompetencyId"]);

        await App.SendAsync(form, _manager);
        Assert.Equal(10, await App.WithDbAsync(db => db.RubricItems.CountAsync(r => r.PostingId == _posting.Id)));
    }

    [Fact]
    public async Task Should_refuse_an_unknown_competency_and_an_empty_rubric()
    {
        var form = await FormAsync();
        var crafted = form with { Items = [.. form.Items, new EditRubric.Item { CompetencyId = Guid.CreateVersion7(), Included = true, Weight = 5 }] };
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(crafted, _manager));
        Assert.True(ex.Errors.ContainsKey($"Items[{crafted.Items.Count - 1}].CompetencyId"));

        var empty = form with { Items = form.Items.Select(i => i with { Included = false }).ToList() };
        var emptyEx = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(empty, _manager));
        Assert.Equal(["Pick at least one competency for the rubric."], emptyEx.Errors["Items"]);
    }

    [Fact]
    public async Task Should_take_a_removed_competency_out_of_stage_focus_too()
    {
        var cloud = await App.CompetencyIdAsync("cloud-devops");
        var form = await FormAsync();
        var result = await App.SendAsync(WithItem(form, cloud, i => i with { Included = false }), _manager);

        Assert.Equal(["Debugging / troubleshooting scenario"], result.RemovedFromStages);
        var focus = await App.WithDbAsync(db => db.Set<Application.Domain.Interviews.StageFocus>().CountAsync(f => f.CompetencyId == cloud));
        Assert.Equal(0, focus);
        Assert.Equal(9, await App.WithDbAsync(db => db.RubricItems.CountAsync(r => r.PostingId == _posting.Id)));
    }

    [Fact]
    public async Task Should_refuse_a_save_based_on_an_outdated_rubric()
    {
        var first = await FormAsync();
        var second = await FormAsync();
        await App.SendAsync(WithItem(first, first.Items[0].CompetencyId, i => i with { Weight = 20 }), _manager);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            App.SendAsync(WithItem(second, second.Items[0].CompetencyId, i => i with { Weight = 30 }), _manager));
        var weight = await App.WithDbAsync(db => db.RubricItems.Where(r => r.PostingId == _posting.Id && r.CompetencyId == first.Items[0].CompetencyId).Select(r => r.Weight).SingleAsync());
        Assert.Equal(20m, weight);
    }

    [Fact]
    public async Task Should_let_the_recruiter_read_but_not_edit_the_rubric()
    {
        Assert.NotEmpty((await App.SendAsync(new GetRubric.Query { PostingId = _posting.Id }, _recruiter)).Items);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new EditRubric.Query { PostingId = _posting.Id }, _recruiter));

        // A recruiter who is also a hiring manager elsewhere is still only this posting's recruiter.
        var both = await App.CreateUserAsync("Both Roles", Roles.Recruiter, Roles.HiringManager);
        var other = await App.CreatePostingAsync(both, _manager);
        var form = await App.SendAsync(new EditRubric.Query { PostingId = other.Id }, _manager);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(form, both));
    }

    [Fact]
    public async Task Should_hide_the_rubric_from_a_hiring_manager_outside_the_team()
    {
        var outsider = await App.CreateUserAsync("Outside Manager", Roles.HiringManager);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetRubric.Query { PostingId = _posting.Id }, outsider));
        var form = await FormAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(form, outsider));
    }
}
