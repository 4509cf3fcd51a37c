using System.Net;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>Optimistic concurrency: the stream version is the ETag, If-Match guards a write, a lost race is a 4xx.</summary>
public sealed class ConcurrencyTests(GovernanceFixture fixture)
{
    private const int Racers = 8;
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    [Fact]
    public async Task Each_command_succeeds_with_If_Match_naming_the_current_version()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();

        var appointed = await _admin.PostJson(MembersUrl(bodyId), new { organisationId = organisation, personName = "Jo Bloggs", role = "Member" }, "\"1\"");
        var membershipId = (await appointed.Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>();
        Assert.Equal("\"2\"", appointed.ETag());

        var named = await _admin.PostJson(SubstitutesUrl(bodyId, membershipId), new { name = "Chris Deputy" }, appointed.ETag());
        await named.Json(HttpStatusCode.OK);
        Assert.Equal("\"3\"", named.ETag());

        var ended = await _admin.PostEmpty(EndUrl(bodyId, membershipId), named.ETag());
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal("\"4\"", ended.ETag());

        Assert.Equal("\"4\"", (await _admin.ReadBody(bodyId)).ETag);
    }

    [Fact]
    public async Task If_Match_star_means_any_version()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        await _admin.Appoint(bodyId, organisation, "Jo Bloggs");

        var response = await _admin.PostJson(MembersUrl(bodyId), new { organisationId = organisation, personName = "Sam Smith", role = "Member" }, "*");

        await response.Json(HttpStatusCode.OK);
        Assert.Equal("\"3\"", response.ETag());
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("\"0\"")]
    [InlineData("\"7\"")]
    public async Task A_stale_If_Match_is_a_412_stale_version_problem_naming_the_current_version(string ifMatch)
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        await _admin.Appoint(bodyId, organisation, "Jo Bloggs");

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(MembersUrl(bodyId),
            new { organisationId = organisation, personName = "Sam Smith", role = "Member" }, ifMatch));

        var problem = await response.Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        Assert.Equal(2, problem["currentVersion"]!.GetValue<long>());
        Assert.Empty(tracked.Sent.MessagesOf<MemberAppointed>());
        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"2\"", etag);
        Assert.Single(body["members"]!.AsArray());
    }

    [Fact]
    public async Task A_stale_If_Match_guards_naming_a_substitute_and_ending_a_membership_too()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();
        var membershipId = await _admin.Appoint(bodyId, organisation, "Jo Bloggs");
        await _admin.Appoint(bodyId, organisation, "Sam Smith");

        var substitute = await _admin.PostJson(SubstitutesUrl(bodyId, membershipId), new { name = "Chris Deputy" }, "\"2\"");
        Assert.Equal(3, (await substitute.Problem(HttpStatusCode.PreconditionFailed, "stale-version"))["currentVersion"]!.GetValue<long>());

        var end = await _admin.PostEmpty(EndUrl(bodyId, membershipId), "\"2\"");
        Assert.Equal(3, (await end.Problem(HttpStatusCode.PreconditionFailed, "stale-version"))["currentVersion"]!.GetValue<long>());

        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"3\"", etag);
        var member = body.Member(membershipId);
        Assert.Empty(member["substitutes"]!.AsArray());
        Assert.Null(member["endedAt"]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1")]
    [InlineData("W/\"1\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"1.0\"")]
    [InlineData("\"abc\"")]
    public async Task An_If_Match_that_is_not_a_quoted_version_is_a_400_problem(string ifMatch)
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();

        var response = await _admin.PostJson(MembersUrl(bodyId), new { organisationId = organisation, personName = "Jo Bloggs", role = "Member" }, ifMatch);

        var problem = await response.Problem(HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains("If-Match", problem["detail"]!.GetValue<string>());
        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"1\"", etag);
        Assert.Empty(body["members"]!.AsArray());
    }

    [Fact]
    public async Task Of_concurrent_appointments_with_the_same_If_Match_exactly_one_wins_and_the_others_get_409_or_412()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => _admin.PostJson(MembersUrl(bodyId),
            new { organisationId = organisation, personName = $"Racer {i}", role = "Member" }, "\"1\"")));

        var winners = new List<Guid>();
        foreach (var response in responses)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    winners.Add((await response.Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>());
                    Assert.Equal("\"2\"", response.ETag());
                    break;
                case HttpStatusCode.PreconditionFailed:
                    var stale = await response.Problem(HttpStatusCode.PreconditionFailed, "stale-version");
                    Assert.Equal(2, stale["currentVersion"]!.GetValue<long>());
                    break;
                default:
                    await response.Problem(HttpStatusCode.Conflict, "concurrent-write");
                    break;
            }
        }

        Report(responses);
        var winner = Assert.Single(winners);
        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal("\"2\"", etag);
        Assert.Equal([winner], body["members"]!.AsArray().Select(m => m!["membershipId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Concurrent_appointments_without_If_Match_each_succeed_or_get_409_and_every_success_is_kept()
    {
        var organisation = await _admin.RegisterOrganisation();
        var bodyId = await _admin.CreateBody();

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => _admin.PostJson(MembersUrl(bodyId),
            new { organisationId = organisation, personName = $"Racer {i}", role = "Member" })));

        var appointed = new List<Guid>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.OK)
                appointed.Add((await response.Json(HttpStatusCode.OK))["membershipId"]!.GetValue<Guid>());
            else
                await response.Problem(HttpStatusCode.Conflict, "concurrent-write");
        }

        Report(responses);
        Assert.NotEmpty(appointed);
        var (body, etag) = await _admin.ReadBody(bodyId);
        Assert.Equal(ETagOf(1 + appointed.Count), etag);
        Assert.Equal(appointed.Order(), body["members"]!.AsArray().Select(m => m!["membershipId"]!.GetValue<Guid>()).Order());
    }

    /// <summary>How the race went (visible with a detailed console logger): which answers, how many of each.</summary>
    private static void Report(IEnumerable<HttpResponseMessage> responses) =>
        TestContext.Current.TestOutputHelper?.WriteLine("Answers: " + string.Join(", ",
            responses.GroupBy(r => (int)r.StatusCode).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {g.Key}")));

    private static string ETagOf(long version) => $"\"{version}\"";
}
