using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Contracts.Meetings;
using CommunitySafety.TestSupport;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// Versioned terms of reference: drafted in Governance, adopted by a decision recorded in Meetings (simulated here by
/// receiving <see cref="DecisionRecorded"/> with <c>Adopts</c>), which sets the body's cadence and quorum and publishes
/// <see cref="BodyTermsAdopted"/>.
/// </summary>
public sealed class TermsOfReferenceTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    private static string TermsUrl(Guid bodyId) => $"{BodyUrl(bodyId)}/terms-of-reference";

    private static object Terms(string cadence = "Quarterly", int quorumMinimum = 4, string decisionMaking = "Consensus") => new
    {
        purpose = "To support the delivery of the Kent Community Safety Partnership's strategic priorities.",
        guidingPrinciples = new[] { "Evidence Led", "Prevention Focused", "Community Centred", "Collaborative", "Accountable" },
        responsibilities = new[] { "Develop and produce the County Community Safety Agreement", "Manage the Crime Reduction Grant" },
        membership = new[] { "Kent Police", "OPCC", "KFRS", "KCC", "NHS Kent & Medway ICB", "The Probation Service" },
        cadence,
        quorumMinimum,
        decisionMaking,
    };

    private async Task<(Guid VersionId, int Version)> Draft(Guid bodyId, object? terms = null)
    {
        var json = await (await _admin.PostJson(TermsUrl(bodyId), terms ?? Terms())).Json(HttpStatusCode.Created);
        return (json["versionId"]!.GetValue<Guid>(), json["version"]!.GetValue<int>());
    }

    private static DecisionRecorded Decision(Guid bodyId, bool consensus, params Guid[] adopts) =>
        new(Guid.NewGuid(), Guid.NewGuid(), bodyId, "Adopt the revised terms of reference", consensus, "4", [], DateTimeOffset.UtcNow, adopts);

    private async Task<JsonNode> ReadTerms(Guid bodyId) => await (await _admin.GetAsync(TermsUrl(bodyId))).Json(HttpStatusCode.OK);

    // ---- drafting and reading ----

    [Fact]
    public async Task Drafting_answers_201_with_the_version_id_and_number_and_the_versions_are_listed_as_drafts()
    {
        var body = await _admin.CreateBody();

        var response = await _admin.PostJson(TermsUrl(body), Terms("BiMonthly", 5));
        var created = await response.Json(HttpStatusCode.Created);
        var first = created["versionId"]!.GetValue<Guid>();
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.EndsWith($"/terms-of-reference/{first}", response.Headers.Location!.ToString());
        Assert.Equal("\"2\"", response.ETag()); // the body's stream numbers the versions
        var (second, number) = await Draft(body);
        Assert.Equal(2, number);

        var version = await (await _admin.GetAsync($"{TermsUrl(body)}/{first}")).Json(HttpStatusCode.OK);
        Assert.Equal((1, "Draft", "BiMonthly", 5, "Consensus"), (version["version"]!.GetValue<int>(), version["status"]!.GetValue<string>(),
            version["cadence"]!.GetValue<string>(), version["quorumMinimum"]!.GetValue<int>(), version["decisionMaking"]!.GetValue<string>()));
        Assert.Equal(5, version["guidingPrinciples"]!.AsArray().Count);
        Assert.Null(version["adoption"]);

        var terms = await ReadTerms(body);
        Assert.Null(terms["inEffect"]);
        Assert.Equal([second, first], terms["drafts"]!.AsArray().Select(d => d!["versionId"]!.GetValue<Guid>()));
        Assert.Empty(terms["history"]!.AsArray());
        // drafting changes nothing in effect
        Assert.Equal((4, "Quarterly"), Effect((await _admin.ReadBody(body)).Body));
    }

    public static TheoryData<string, string[]> InvalidDrafts => new()
    {
        { """{"cadence":"Quarterly","quorumMinimum":4,"decisionMaking":"Consensus"}""", ["purpose"] },
        { """{"purpose":"  ","cadence":"Quarterly","quorumMinimum":4,"decisionMaking":"Consensus"}""", ["purpose"] },
        { """{"purpose":"p","quorumMinimum":4,"decisionMaking":"Consensus"}""", ["cadence"] },
        { """{"purpose":"p","cadence":"Quarterly","decisionMaking":"Consensus"}""", ["quorumMinimum"] },
        { """{"purpose":"p","cadence":"Quarterly","quorumMinimum":0,"decisionMaking":"Consensus"}""", ["quorumMinimum"] },
        { """{"purpose":"p","cadence":"Quarterly","quorumMinimum":4}""", ["decisionMaking"] },
        { """{"purpose":"p","cadence":"Quarterly","quorumMinimum":4,"decisionMaking":"Consensus","responsibilities":[null]}""", ["responsibilities"] },
        { $$"""{"purpose":"p","cadence":"Quarterly","quorumMinimum":4,"decisionMaking":"Consensus","guidingPrinciples":["{{new string('g', 2001)}}"]}""", ["guidingPrinciples"] },
        { """{}""", ["purpose", "cadence", "quorumMinimum", "decisionMaking"] },
    };

    [Theory, MemberData(nameof(InvalidDrafts))]
    public async Task An_invalid_draft_is_a_400_validation_problem_naming_the_fields(string json, string[] fields)
    {
        var body = await _admin.CreateBody();
        await (await _admin.PostRaw(TermsUrl(body), json)).ValidationProblem(fields);
        Assert.Empty((await ReadTerms(body))["drafts"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"purpose":"p","cadence":"Fortnightly","quorumMinimum":4,"decisionMaking":"Consensus"}""")]
    [InlineData("""{"purpose":"p","cadence":"Quarterly","quorumMinimum":4,"decisionMaking":"Unanimity"}""")]
    [InlineData("null")]
    public async Task An_unreadable_draft_is_a_400_problem(string json)
    {
        var body = await _admin.CreateBody();
        await (await _admin.PostRaw(TermsUrl(body), json)).UnreadableBodyProblem();
    }

    [Fact]
    public async Task Unknown_bodies_and_versions_are_404_problems()
    {
        var unknown = Guid.NewGuid();
        await (await _admin.PostJson(TermsUrl(unknown), Terms())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.GetAsync(TermsUrl(unknown))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.GetAsync($"{TermsUrl(unknown)}/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not-found");

        var body = await _admin.CreateBody();
        await (await _admin.GetAsync($"{TermsUrl(body)}/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not-found");
        var other = await _admin.CreateBody();
        var (otherVersion, _) = await Draft(other);
        await (await _admin.GetAsync($"{TermsUrl(body)}/{otherVersion}")).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Only_governance_admins_draft_and_a_stale_If_Match_is_412()
    {
        var body = await _admin.CreateBody();
        await (await fixture.Client("meetings-clerk").PostJson(TermsUrl(body), Terms())).Problem(HttpStatusCode.Forbidden);
        await (await fixture.Client().PostJson(TermsUrl(body), Terms())).Problem(HttpStatusCode.Unauthorized);
        await (await _admin.PostJson(TermsUrl(body), Terms(), "\"7\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await fixture.Client("meetings-clerk").GetAsync(TermsUrl(body))).Json(HttpStatusCode.OK); // any authenticated user reads
    }

    // ---- adoption by a decision ----

    [Fact]
    public async Task A_decision_with_consensus_adopts_the_version_changes_cadence_and_quorum_and_publishes_BodyTermsAdopted()
    {
        var body = await _admin.CreateBody(cadence: "Quarterly");
        var (version, _) = await Draft(body, Terms("BiMonthly", 5, "Majority"));
        var decision = Decision(body, consensus: true, version);

        var tracked = await fixture.ReceiveTracked(decision);

        var published = tracked.Sent.SingleMessage<BodyTermsAdopted>();
        Assert.Equal((body, version, 1, MeetingCadence.BiMonthly, 5, DecisionMaking.Majority, decision.DecisionId),
            (published.BodyId, published.VersionId, published.Version, published.Cadence, published.QuorumMinimum, published.DecisionMaking, published.DecisionId));
        var (read, _) = await _admin.ReadBody(body);
        Assert.Equal((5, "BiMonthly"), Effect(read));
        Assert.Equal((version, 1, "Majority"),
            (read["termsOfReferenceVersionId"]!.GetValue<Guid>(), read["termsOfReferenceVersion"]!.GetValue<int>(), read["decisionMaking"]!.GetValue<string>()));

        var terms = await ReadTerms(body);
        var inEffect = terms["inEffect"]!;
        Assert.Equal((version, "InEffect"), (inEffect["versionId"]!.GetValue<Guid>(), inEffect["status"]!.GetValue<string>()));
        Assert.Equal((decision.DecisionId, decision.MeetingId, decision.RecordedAt),
            (inEffect["adoption"]!["decisionId"]!.GetValue<Guid>(), inEffect["adoption"]!["meetingId"]!.GetValue<Guid>(),
                inEffect["adoption"]!["decidedAt"]!.GetValue<DateTimeOffset>()));
        Assert.NotNull(inEffect["adoption"]!["adoptedOn"]);
        Assert.Empty(terms["drafts"]!.AsArray());
        Assert.Equal([version], terms["history"]!.AsArray().Select(h => h!["versionId"]!.GetValue<Guid>()));

        // the same decision heard again changes nothing
        var again = await fixture.ReceiveTracked(decision);
        Assert.Empty(again.Sent.MessagesOf<BodyTermsAdopted>());
        Assert.Equal((5, "BiMonthly"), Effect((await _admin.ReadBody(body)).Body));
    }

    [Fact]
    public async Task A_decision_without_consensus_does_not_adopt_and_says_why_on_the_version()
    {
        var body = await _admin.CreateBody(cadence: "Quarterly");
        var (version, _) = await Draft(body, Terms("Monthly", 6));
        var (_, etag) = await _admin.ReadBody(body);

        var tracked = await fixture.ReceiveTracked(Decision(body, consensus: false, version));

        Assert.Empty(tracked.Sent.MessagesOf<BodyTermsAdopted>());
        var (read, after) = await _admin.ReadBody(body);
        Assert.Equal(etag, after);
        Assert.Equal((4, "Quarterly"), Effect(read));
        var draft = await (await _admin.GetAsync($"{TermsUrl(body)}/{version}")).Json(HttpStatusCode.OK);
        Assert.Equal("Draft", draft["status"]!.GetValue<string>());
        Assert.Equal("no-consensus", Assert.Single(draft["refusedAdoptions"]!.AsArray())!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_version_is_adopted_once_and_an_older_version_adopted_later_is_in_effect_superseding_the_newer()
    {
        var body = await _admin.CreateBody();
        var (v1, _) = await Draft(body, Terms("Quarterly", 4));
        var (v2, _) = await Draft(body, Terms("Monthly", 5));

        await fixture.Receive(Decision(body, true, v2));
        Assert.Equal((5, "Monthly"), Effect((await _admin.ReadBody(body)).Body));

        // adopted already: another decision naming it changes nothing
        var again = await fixture.ReceiveTracked(Decision(body, true, v2));
        Assert.Empty(again.Sent.MessagesOf<BodyTermsAdopted>());
        var refused = await (await _admin.GetAsync($"{TermsUrl(body)}/{v2}")).Json(HttpStatusCode.OK);
        Assert.Equal("already-adopted", Assert.Single(refused["refusedAdoptions"]!.AsArray())!["reason"]!.GetValue<string>());

        // the older draft, adopted later, is the one in effect (the latest adoption wins)
        var tracked = await fixture.ReceiveTracked(Decision(body, true, v1));
        Assert.Equal(v1, tracked.Sent.SingleMessage<BodyTermsAdopted>().VersionId);
        Assert.Equal((4, "Quarterly"), Effect((await _admin.ReadBody(body)).Body));
        var terms = await ReadTerms(body);
        Assert.Equal(v1, terms["inEffect"]!["versionId"]!.GetValue<Guid>());
        Assert.Equal([(v2, "Superseded"), (v1, "InEffect")],
            terms["history"]!.AsArray().Select(h => (h!["versionId"]!.GetValue<Guid>(), h["status"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_decision_adopting_a_document_that_is_not_terms_of_reference_is_ignored_here()
    {
        var body = await _admin.CreateBody();
        var (_, etag) = await _admin.ReadBody(body);

        var tracked = await fixture.ReceiveTracked(Decision(body, true, Guid.NewGuid()));

        Assert.Empty(tracked.Sent.MessagesOf<BodyTermsAdopted>());
        Assert.Equal(etag, (await _admin.ReadBody(body)).ETag);
    }

    private static (int, string) Effect(JsonNode body) => (body["quorumMinimum"]!.GetValue<int>(), body["cadence"]!.GetValue<string>());
}
