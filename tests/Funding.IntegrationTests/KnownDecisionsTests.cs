using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

/// <summary>The decisions Funding has heard of, for an officer to choose the one an award cites: newest first, never their text.</summary>
public sealed class KnownDecisionsTests(FundingFixture fixture)
{
    private readonly HttpClient _officer = fixture.Client(FundingRoles.FundingOfficer);

    [Fact]
    public async Task An_officer_lists_the_decisions_heard_of_newest_first_those_by_consensus_only_when_asked_and_without_their_text()
    {
        var older = await fixture.Decision(text: "Fund the youth diversion project");
        var without = await fixture.Decision(consensusReached: false, text: "Fund the CCTV van");
        var newer = await fixture.Decision(text: "Fund the night-time economy patrols");

        var all = await _officer.AllPages(FundingRoutes.DecisionsOf(limit: 500));
        var ids = all.Select(d => d!["id"]!.GetValue<Guid>()).ToList();
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(without) && ids.IndexOf(without) < ids.IndexOf(older), "newest first");
        var listed = all.Single(d => d!["id"]!.GetValue<Guid>() == newer)!;
        Assert.True(listed["consensusReached"]!.GetValue<bool>());
        Assert.NotEqual(Guid.Empty, listed["meetingId"]!.GetValue<Guid>());
        Assert.NotEqual(Guid.Empty, listed["bodyId"]!.GetValue<Guid>());
        Assert.DoesNotContain("night-time", all.ToJsonString());

        var consensus = (await _officer.AllPages(FundingRoutes.DecisionsOf(consensus: true, limit: 500))).Select(d => d!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(newer, consensus);
        Assert.Contains(older, consensus);
        Assert.DoesNotContain(without, consensus);
        var refused = (await _officer.AllPages(FundingRoutes.DecisionsOf(consensus: false, limit: 500))).Select(d => d!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal([without], refused.Where(d => d == without || d == newer || d == older));
    }

    [Fact]
    public async Task A_consensus_filter_that_is_not_true_or_false_is_a_400_problem_and_other_roles_are_refused()
    {
        await (await _officer.GetAsync("/api/funding/decisions?consensus=maybe")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client(FundingRoles.FinanceOfficer).GetDecisions()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(Guid.NewGuid(), FundingRoles.Bidder).GetDecisions()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetDecisions()).StatusCode);
    }
}
