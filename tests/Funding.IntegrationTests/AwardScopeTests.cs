using System.Net;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

/// <summary>
/// Issue 13, point 7: awards are scoped exactly as bids — a bidder reads and lists only its own organisation's; and point 1:
/// Funding keeps decisions as id-only references (consensus, body), never their text.
/// </summary>
public sealed class AwardScopeTests(FundingFixture fixture)
{
    private readonly HttpClient _officer = fixture.Client(FundingRoles.FundingOfficer);

    [Fact]
    public async Task A_bidder_reads_and_lists_only_its_own_organisations_awards_as_with_bids()
    {
        var mine = await fixture.ArrangeAward();
        var theirs = await fixture.ArrangeAward();
        var bidder = fixture.ClientFor(mine.OrganisationId, FundingRoles.Bidder);

        Assert.Equal(mine.AwardId, (await (await bidder.GetAward(mine.AwardId)).Json(HttpStatusCode.OK))["id"]!.GetValue<Guid>());
        var refused = await (await bidder.GetAward(theirs.AwardId)).Problem(HttpStatusCode.Forbidden, "not-your-award");
        Assert.DoesNotContain("Detached youth work", refused.ToJsonString()); // nothing of the award in the refusal
        await (await fixture.Client(FundingRoles.Bidder).GetAward(mine.AwardId)).Problem(HttpStatusCode.Forbidden, "no-organisation");
        await (await bidder.GetAward(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");

        var listed = (await bidder.AllPages(FundingRoutes.Awards)).Select(a => a!["organisationId"]!.GetValue<Guid>()).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, o => Assert.Equal(mine.OrganisationId, o));
        Assert.Empty((await (await bidder.GetAwards(streamId: theirs.StreamId)).Json(HttpStatusCode.OK)).AsArray());
        await (await fixture.Client(FundingRoles.Bidder).GetAwards()).Problem(HttpStatusCode.Forbidden, "no-organisation");

        // the officers read and list every organisation's
        foreach (var officer in new[] { _officer, fixture.ClientFor(Guid.NewGuid(), FundingRoles.FinanceOfficer) })
        {
            await (await officer.GetAward(theirs.AwardId)).Json(HttpStatusCode.OK);
            var all = (await officer.AllPages(FundingRoutes.Awards)).Select(a => a!["id"]!.GetValue<Guid>()).ToList();
            Assert.Contains(mine.AwardId, all);
            Assert.Contains(theirs.AwardId, all);
        }

        // bids: the same rule, the same answers
        var streamId = await _officer.OpenStream();
        var theirBid = await fixture.ClientFor(theirs.OrganisationId, FundingRoles.Bidder).Draft(streamId);
        await (await bidder.GetBid(theirBid)).Problem(HttpStatusCode.Forbidden, "not-your-bid");
        Assert.DoesNotContain(theirBid, (await (await bidder.GetBids(streamId: streamId)).Json(HttpStatusCode.OK)).AsArray()
            .Select(b => b!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Decision_texts_Funding_stored_before_are_removed_from_its_register()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__funding")!;
        var marker = "Old text Markerperson-Old " + Guid.NewGuid().ToString("N")[..8];
        var id = Guid.NewGuid();
        await _officer.OpenStream(); // the store holds events (the scan looks at a service's database with its event store)
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Store(new KnownDecision { Id = id, MeetingId = Guid.NewGuid(), BodyId = Guid.NewGuid(), ConsensusReached = true, RecordedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync(ct);
        }
        // as Funding kept a decision before: its text in the document
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var update = new Npgsql.NpgsqlCommand(
                $"update {fixture.Store.Options.DatabaseSchemaName}.mt_doc_knowndecision set data = data || jsonb_build_object('Text', @marker::text) where id = @id", connection);
            update.Parameters.AddWithValue("marker", marker);
            update.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync(ct));
        }
        Assert.True(await Probes.RowsContaining(connectionString, marker) > 0, "the scan must find the old text");

        Assert.True(await ForgetDecisionTexts.RunAsync(fixture.Store, ct) >= 1);
        Assert.Equal(0, await Probes.RowsContaining(connectionString, marker));
        Assert.Equal(0, await ForgetDecisionTexts.RunAsync(fixture.Store, ct)); // nothing left to remove
        await using (var session = fixture.Store.QuerySession())
            Assert.True((await session.LoadAsync<KnownDecision>(id, ct))!.ConsensusReached);
    }

    [Fact]
    public async Task Funding_keeps_a_decision_as_an_id_only_reference_and_an_award_may_cite_a_confidential_bodys_decision()
    {
        var marker = "Award Markerperson-Fund " + Guid.NewGuid().ToString("N")[..8];
        var open = new DecisionRecorded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), marker, true, "Item 4", [], DateTimeOffset.UtcNow);
        var withheld = new DecisionRecorded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, true, null, [], DateTimeOffset.UtcNow, BodyConfidential: true);
        await fixture.Receive(open);
        await fixture.Receive(withheld);

        await using (var session = fixture.Store.QuerySession())
        {
            var known = await session.LoadAsync<KnownDecision>(open.DecisionId, TestContext.Current.CancellationToken);
            Assert.Equal((open.BodyId, open.MeetingId, true), (known!.BodyId, known.MeetingId, known.ConsensusReached));
        }
        Assert.Equal(0, await Probes.RowsContaining(Environment.GetEnvironmentVariable("ConnectionStrings__funding")!, marker));
        Assert.Equal(0, await Probes.RowsContaining(Environment.GetEnvironmentVariable("ConnectionStrings__funding")!, "Markerperson-Fund"));
        Assert.True(await Probes.RowsContaining(Environment.GetEnvironmentVariable("ConnectionStrings__funding")!, open.DecisionId.ToString()) > 0,
            "the scan must find what is stored: the decision's id");

        // the award rule needs the id and the consensus only
        var streamId = await _officer.OpenStream();
        var bidId = await fixture.AssessedBid(_officer, streamId, await fixture.Organisation());
        await (await _officer.AwardBid(bidId, new { amount = 1_000m, decisionId = withheld.DecisionId, awardDate = "2026-09-01" }))
            .Json(HttpStatusCode.Created);
    }
}
