using System.Net.Http.Json;
using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Decisions;
using CommunitySafety.Funding.Streams;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

/// <summary>Who calls: nobody, a token without a Funding role, each Funding role, and a bidder of the record's own organisation, of another, of none.</summary>
public enum Caller
{
    Anonymous,
    NoFundingRole,
    FundingOfficer,
    FinanceOfficer,
    BidderOwn,
    BidderOther,
    BidderWithoutOrganisation,
}

/// <summary>
/// Issue 13: Funding's authorisation matrix, table-driven — every Funding endpoint × every Funding role (and none) × the
/// record's own organisation or another, with the status expected; for lists, whether the record is in them. Each case
/// acts on a world of its own (a stream, bids in each state, an award with instalments), so that a success is a real one.
/// </summary>
public sealed class AuthorisationMatrixTests(FundingFixture fixture)
{
    /// <summary>What each case acts on: one organisation's bids and award, in a stream of their own.</summary>
    public sealed record World(Guid Organisation, Guid Stream, Guid DraftBid, Guid SubmittedBid, Guid AssessedBid, Guid Award,
        Guid ScheduledInstalment, Guid ApprovedInstalment, Guid Decision);

    /// <summary>
    /// An endpoint: its request against a world, and for a list the record it should (or should not) hold; a list
    /// <paramref name="Scoped"/> to the caller's organisation holds only a bidder's own organisation's records.
    /// </summary>
    private sealed record Endpoint(HttpMethod Method, Func<World, string> Url, Func<World, object?>? Body = null, Func<World, Guid>? Listed = null,
        bool Scoped = false);

    /// <summary>A financial year of the matrix's own, so that its reports answer for its worlds only (other tests arrange other years' ledgers as they need).</summary>
    private const int Year = 2032;
    private static readonly DateOnly InYear = new(Year, 7, 1);

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["POST streams"] = new(HttpMethod.Post, _ => FundingRoutes.Streams,
            _ => new { name = "Crime Reduction Grant", source = "PCC", financialYear = Year, budget = 1_000m }),
        ["POST streams/{id}/budget-changes"] = new(HttpMethod.Post, w => FundingRoutes.BudgetChanges(w.Stream), _ => new { change = 100m, reason = "Top-up" }),
        ["GET streams/{id}"] = new(HttpMethod.Get, w => FundingRoutes.Stream(w.Stream)),
        ["GET streams"] = new(HttpMethod.Get, _ => FundingRoutes.StreamsOf(financialYear: Year), Listed: w => w.Stream),
        ["POST bids"] = new(HttpMethod.Post, _ => FundingRoutes.Bids, w => BidsApi.BidBody(w.Stream, 1_000m, w.Organisation)),
        ["POST bids/{id}/submit"] = new(HttpMethod.Post, w => FundingRoutes.BidSubmission(w.DraftBid)),
        ["POST bids/{id}/assessment"] = new(HttpMethod.Post, w => FundingRoutes.BidAssessment(w.SubmittedBid), _ => new { score = 60, comments = "Fits" }),
        ["POST bids/{id}/decline"] = new(HttpMethod.Post, w => FundingRoutes.BidDecline(w.SubmittedBid), _ => new { reason = "Not a priority" }),
        ["POST bids/{id}/withdraw"] = new(HttpMethod.Post, w => FundingRoutes.BidWithdrawal(w.DraftBid), _ => new { reason = "No longer needed" }),
        ["POST bids/{id}/award"] = new(HttpMethod.Post, w => FundingRoutes.BidAward(w.AssessedBid),
            w => new { amount = 1_000m, decisionId = w.Decision, awardDate = InYear }),
        ["GET bids/{id}"] = new(HttpMethod.Get, w => FundingRoutes.Bid(w.DraftBid)),
        ["GET bids"] = new(HttpMethod.Get, w => FundingRoutes.BidsOf(streamId: w.Stream), Listed: w => w.DraftBid, Scoped: true),
        ["GET awards/{id}"] = new(HttpMethod.Get, w => FundingRoutes.Award(w.Award)),
        ["GET awards"] = new(HttpMethod.Get, _ => FundingRoutes.Awards, Listed: w => w.Award, Scoped: true),
        ["POST awards/{id}/instalments"] = new(HttpMethod.Post, w => FundingRoutes.Instalments(w.Award), _ => new { amount = 100m, dueOn = InYear }),
        ["POST awards/{id}/instalments/{id}/approve"] = new(HttpMethod.Post, w => FundingRoutes.InstalmentApproval(w.Award, w.ScheduledInstalment)),
        ["POST awards/{id}/instalments/{id}/pay"] = new(HttpMethod.Post, w => FundingRoutes.InstalmentPayment(w.Award, w.ApprovedInstalment),
            _ => new { paidOn = InYear }),
        ["POST awards/{id}/instalments/{id}/cancel"] = new(HttpMethod.Post, w => FundingRoutes.InstalmentCancellation(w.Award, w.ScheduledInstalment),
            _ => new { reason = "Rescheduled" }),
        ["POST awards/{id}/returns"] = new(HttpMethod.Post, w => FundingRoutes.Returns(w.Award),
            _ => new { quarter = 1, spendToDate = 2_500m, outputsAchieved = new Dictionary<string, decimal> { ["sessions"] = 3 } }),
        ["POST awards/{id}/underspend"] = new(HttpMethod.Post, w => FundingRoutes.Underspend(w.Award), _ => new { amount = 100m, reason = "Unspent" }),
        ["POST awards/{id}/clawback"] = new(HttpMethod.Post, w => FundingRoutes.Clawback(w.Award), _ => new { amount = 100m, reason = "Not delivered" }),
        ["GET reports/streams"] = new(HttpMethod.Get, _ => FundingRoutes.StreamsReportOf(financialYear: Year)),
        ["GET reports/streams/{id}"] = new(HttpMethod.Get, w => FundingRoutes.StreamReportAs(w.Stream, format: "csv")),
        ["GET exports/360giving"] = new(HttpMethod.Get, _ => FundingRoutes.ThreeSixtyGivingExportOf(financialYear: Year)),
        ["GET decisions"] = new(HttpMethod.Get, _ => FundingRoutes.DecisionsOf(consensus: true), Listed: w => w.Decision),
        ["GET monitoring-rule"] = new(HttpMethod.Get, _ => FundingRoutes.MonitoringRule),
    };

    private const Caller FO = Caller.FundingOfficer, FinO = Caller.FinanceOfficer, Own = Caller.BidderOwn, Other = Caller.BidderOther,
        NoOrg = Caller.BidderWithoutOrganisation;
    private static readonly Caller[] AnyRole = [FO, FinO, Own, Other, NoOrg];

    /// <summary>Who may, and the success they get; everybody else is refused: 401 without a token, 403 otherwise.</summary>
    private static readonly Dictionary<string, (int Status, Caller[] Allowed)> Allowed = new()
    {
        ["POST streams"] = (201, [FO]),
        ["POST streams/{id}/budget-changes"] = (204, [FO]),
        ["GET streams/{id}"] = (200, AnyRole),
        ["GET streams"] = (200, AnyRole),
        ["POST bids"] = (201, [FO, Own]),
        ["POST bids/{id}/submit"] = (200, [FO, Own]),
        ["POST bids/{id}/assessment"] = (200, [FO]),
        ["POST bids/{id}/decline"] = (200, [FO]),
        ["POST bids/{id}/withdraw"] = (200, [Own]),
        ["POST bids/{id}/award"] = (201, [FO]),
        ["GET bids/{id}"] = (200, [FO, FinO, Own]),
        ["GET bids"] = (200, [FO, FinO, Own, Other]), // another organisation's bidder: its own, without this one
        ["GET awards/{id}"] = (200, [FO, FinO, Own]),
        ["GET awards"] = (200, [FO, FinO, Own, Other]),
        ["POST awards/{id}/instalments"] = (200, [FO]),
        ["POST awards/{id}/instalments/{id}/approve"] = (204, [FinO]),
        ["POST awards/{id}/instalments/{id}/pay"] = (204, [FinO]),
        ["POST awards/{id}/instalments/{id}/cancel"] = (204, [FO, FinO]),
        ["POST awards/{id}/returns"] = (200, [FO, Own]),
        ["POST awards/{id}/underspend"] = (200, [FO]),
        ["POST awards/{id}/clawback"] = (200, [FO]),
        ["GET reports/streams"] = (200, [FO, FinO]),
        ["GET reports/streams/{id}"] = (200, [FO, FinO]),
        ["GET exports/360giving"] = (200, [Caller.Anonymous, Caller.NoFundingRole, .. AnyRole]), // open data
        ["GET decisions"] = (200, [FO]), // the decisions an award may cite, to choose from
        ["GET monitoring-rule"] = (200, AnyRole),
    };

    public static TheoryData<string, Caller, int, bool?> Matrix
    {
        get
        {
            var data = new TheoryData<string, Caller, int, bool?>();
            foreach (var (endpoint, (status, allowed)) in Allowed)
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    var expected = allowed.Contains(caller) ? status : caller == Caller.Anonymous ? 401 : 403;
                    bool? listed = Endpoints[endpoint].Listed is null || expected != 200 ? null : !(Endpoints[endpoint].Scoped && caller == Other);
                    data.Add(endpoint, caller, expected, listed);
                }
            return data;
        }
    }

    [Fact]
    public void The_matrix_covers_every_Funding_endpoint()
    {
        // every Wolverine endpoint of Funding, as "METHOD path" with the /api/funding/ prefix dropped and ids as {id}
        var mapped = typeof(FundingRoles).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes(typeof(Wolverine.Http.WolverineHttpMethodAttribute), false).Cast<Wolverine.Http.WolverineHttpMethodAttribute>())
            .Select(a => a.GetType().Name.Replace("Wolverine", "").Replace("Attribute", "").ToUpperInvariant() + " "
                         + System.Text.RegularExpressions.Regex.Replace(a.Template.Replace("/api/funding/", ""), "{[^}]+}", "{id}"))
            .Order();
        Assert.Equal(mapped, Endpoints.Keys.Order());
        Assert.Equal(Endpoints.Keys.Order(), Allowed.Keys.Order());
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task Each_endpoint_answers_each_caller_as_the_matrix_says(string endpoint, Caller caller, int expected, bool? listed)
    {
        var world = await Arrange();
        var (method, url, body, listedRecord, scoped) = Endpoints[endpoint];
        var request = new HttpRequestMessage(method, url(world));
        if (body?.Invoke(world) is { } content) request.Content = JsonContent.Create(content);
        else if (method == HttpMethod.Post) request.Content = JsonContent.Create<object?>(null);

        var response = await Client(caller, world).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{endpoint} as {caller}: expected {expected}, got {(int)response.StatusCode}: {text}");
        if (expected >= 400 && expected != 401) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (listed is { } shouldList)
        {
            // every page of the list (the database is shared by the whole run: the world's record may be past the first)
            var all = await Client(caller, world).AllPages(url(world));
            var ids = all.Select(r => r!["id"]!.GetValue<Guid>()).ToList();
            Assert.Equal(shouldList, ids.Contains(listedRecord!(world)));
            if (scoped && caller is Own or Other)
                Assert.All(all, r =>
                    Assert.Equal(caller == Own ? world.Organisation : OtherOrganisation, r!["organisationId"]!.GetValue<Guid>()));
        }
    }

    /// <summary>The organisation of every "other" bidder: it has no bids or awards of its own in any world.</summary>
    private static readonly Guid OtherOrganisation = Guid.NewGuid();

    private HttpClient Client(Caller caller, World world) => caller switch
    {
        Caller.Anonymous => fixture.Client(),
        Caller.NoFundingRole => fixture.ClientFor(world.Organisation, "governance-admin"),
        Caller.FundingOfficer => fixture.ClientFor(OtherOrganisation, FundingRoles.FundingOfficer),
        Caller.FinanceOfficer => fixture.ClientFor(OtherOrganisation, FundingRoles.FinanceOfficer),
        Caller.BidderOwn => fixture.ClientFor(world.Organisation, FundingRoles.Bidder),
        Caller.BidderOther => fixture.ClientFor(OtherOrganisation, FundingRoles.Bidder),
        Caller.BidderWithoutOrganisation => fixture.Client(FundingRoles.Bidder),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>
    /// A world of its own, written straight to the store: a 2032-33 stream of £100,000; a draft, a submitted and an assessed
    /// bid; an award of £10,000 (committed from the stream) with one instalment scheduled, one approved and one paid; a
    /// recorded consensus decision.
    /// </summary>
    private async Task<World> Arrange()
    {
        var now = DateTimeOffset.UtcNow;
        var world = new World(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var paid = Guid.NewGuid();
        await using var s = fixture.Store.LightweightSession();
        s.Store(new KnownOrganisation { Id = world.Organisation, Name = "Youth Trust" });
        s.Store(new KnownDecision { Id = world.Decision, MeetingId = Guid.NewGuid(), BodyId = Guid.NewGuid(), ConsensusReached = true, RecordedAt = now });
        s.Events.StartStream<FundingStream>(world.Stream,
            new FundingStreamCreated(world.Stream, "Crime Reduction Grant", "PCC", Year, 100_000m, "officer", now),
            new AwardCommitted(world.Stream, world.Award, 10_000m, now));
        PromisedOutput[] outputs = [new("young people engaged", 40), new("sessions", 12)];
        BidDrafted Drafted(Guid id) => new(id, world.Stream, world.Organisation, "Street Safe", "Detached youth work", 5_000m, "ASB", outputs, "North", "bidder", now);
        s.Events.StartStream<Bid>(world.DraftBid, Drafted(world.DraftBid));
        s.Events.StartStream<Bid>(world.SubmittedBid, Drafted(world.SubmittedBid), new BidSubmitted(world.SubmittedBid, "bidder", now));
        s.Events.StartStream<Bid>(world.AssessedBid, Drafted(world.AssessedBid), new BidSubmitted(world.AssessedBid, "bidder", now),
            new BidAssessed(world.AssessedBid, 70, "Good", "officer", now));
        s.Events.StartStream<Award>(world.Award,
            new AwardMade(world.Award, world.Stream, Guid.NewGuid(), world.Organisation, "Youth diversion", "Detached youth work", 10_000m, world.Decision,
                new DateOnly(Year, 4, 20), outputs, "officer", now),
            new InstalmentScheduled(world.Award, world.ScheduledInstalment, 2_000m, InYear, "officer", now),
            new InstalmentScheduled(world.Award, world.ApprovedInstalment, 2_000m, InYear, "officer", now),
            new InstalmentApproved(world.Award, world.ApprovedInstalment, "finance", now),
            new InstalmentScheduled(world.Award, paid, 2_000m, InYear, "officer", now),
            new InstalmentApproved(world.Award, paid, "finance", now),
            new InstalmentPaid(world.Award, paid, world.Organisation, 2_000m, InYear, "finance", now));
        await s.SaveChangesAsync();
        return world;
    }
}
