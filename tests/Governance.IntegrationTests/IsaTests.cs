using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// The Kent and Medway Information Sharing Agreement: every member organisation signs it, and CaseManagement shares
/// case data only with current signatories, following the published <see cref="IsaSigned"/> and <see cref="IsaWithdrawn"/>.
/// </summary>
public sealed class IsaTests(GovernanceFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    /// <summary>Today's date in UTC is never after today's date in Kent (UTC or one hour ahead of it).</summary>
    private static DateOnly UtcToday => DateOnly.FromDateTime(DateTime.UtcNow);

    // ---- signing ----

    [Fact]
    public async Task Signing_answers_204_with_the_new_version_shows_the_signature_and_publishes_IsaSigned()
    {
        var organisation = await _admin.RegisterOrganisation();
        var before = DateTimeOffset.UtcNow;

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(IsaUrl(organisation),
            new { signedOn = "2025-04-01", signedBy = "  Jo Bloggs, Chief Executive " }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("\"2\"", response.ETag());
        var published = tracked.Sent.SingleMessage<IsaSigned>();
        Assert.Equal((organisation, new DateOnly(2025, 4, 1), "Jo Bloggs, Chief Executive"),
            (published.OrganisationId, published.SignedOn, published.SignedBy));
        Assert.InRange(published.RecordedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Empty(tracked.Sent.MessagesOf<IsaWithdrawn>());

        var (body, etag) = await _admin.ReadOrganisation(organisation);
        Assert.Equal("\"2\"", etag);
        Assert.Equal(2, body["version"]!.GetValue<int>());
        Assert.True(body["isaSignatory"]!.GetValue<bool>());
        Assert.Equal(("2025-04-01", "Jo Bloggs, Chief Executive"),
            (body["isaSignedOn"]!.GetValue<string>(), body["isaSignedBy"]!.GetValue<string>()));
        var entry = Assert.Single(body["isaHistory"]!.AsArray())!;
        Assert.Equal(("Signed", "2025-04-01", "Jo Bloggs, Chief Executive"),
            (entry["action"]!.GetValue<string>(), entry["signedOn"]!.GetValue<string>(), entry["signedBy"]!.GetValue<string>()));
        Assert.Equal(published.RecordedAt, entry["recordedAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(entry["reason"]);

        var listed = (await ListOrganisations()).Single(o => o["id"]!.GetValue<Guid>() == organisation);
        Assert.Equal(("2025-04-01", true), (listed["isaSignedOn"]!.GetValue<string>(), listed["isaSignatory"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_registered_organisation_shows_that_it_has_not_signed()
    {
        var organisation = await _admin.RegisterOrganisation();

        var (body, _) = await _admin.ReadOrganisation(organisation);
        Assert.False(body["isaSignatory"]!.GetValue<bool>());
        Assert.Null(body["isaSignedOn"]);
        Assert.Null(body["isaSignedBy"]);
        Assert.Empty(body["isaHistory"]!.AsArray());
    }

    [Fact]
    public async Task An_agreement_signed_today_is_accepted_with_a_signatory_of_exactly_200_characters()
    {
        var organisation = await _admin.RegisterOrganisation();
        var signedBy = new string('s', 200);

        await _admin.SignIsa(organisation, UtcToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), signedBy);

        var (body, _) = await _admin.ReadOrganisation(organisation);
        Assert.Equal((UtcToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), signedBy),
            (body["isaSignedOn"]!.GetValue<string>(), body["isaSignedBy"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_agreement_signed_in_the_future_is_refused_with_422()
    {
        var organisation = await _admin.RegisterOrganisation();
        var future = UtcToday.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(IsaUrl(organisation), new { signedOn = future, signedBy = "Jo Bloggs" }));

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "isa-signed-in-future");
        Assert.Contains(future, problem["detail"]!.GetValue<string>());
        Assert.Empty(tracked.Sent.MessagesOf<IsaSigned>());
        var (body, etag) = await _admin.ReadOrganisation(organisation);
        Assert.Equal("\"1\"", etag);
        Assert.False(body["isaSignatory"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Signing_again_while_a_signatory_is_refused_with_409_naming_the_current_signature()
    {
        var organisation = await _admin.RegisterOrganisation();
        // signed a month ago: its review (a year after signing) is far off, so signing the same agreement again is refused
        var signedOn = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await _admin.SignIsa(organisation, signedOn, "Jo Bloggs");

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(IsaUrl(organisation), new { signedOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), signedBy = "Sam Smith" }));

        var problem = await response.Problem(HttpStatusCode.Conflict, "isa-already-signed");
        Assert.Equal((signedOn, "Jo Bloggs"), (problem["signedOn"]!.GetValue<string>(), problem["signedBy"]!.GetValue<string>()));
        Assert.Empty(tracked.Sent.MessagesOf<IsaSigned>());
        var (body, etag) = await _admin.ReadOrganisation(organisation);
        Assert.Equal("\"2\"", etag);
        Assert.Equal((signedOn, "Jo Bloggs"), (body["isaSignedOn"]!.GetValue<string>(), body["isaSignedBy"]!.GetValue<string>()));
        Assert.Single(body["isaHistory"]!.AsArray());
    }

    public static TheoryData<string, string[]> InvalidSignatures => new()
    {
        { """{"signedBy":"Jo Bloggs"}""", ["signedOn"] },
        { """{"signedOn":null,"signedBy":"Jo Bloggs"}""", ["signedOn"] },
        { """{"signedOn":"2025-04-01"}""", ["signedBy"] },
        { """{"signedOn":"2025-04-01","signedBy":null}""", ["signedBy"] },
        { """{"signedOn":"2025-04-01","signedBy":"   "}""", ["signedBy"] },
        { $$"""{"signedOn":"2025-04-01","signedBy":"{{new string('x', 201)}}"}""", ["signedBy"] },
        { """{}""", ["signedOn", "signedBy"] },
    };

    [Theory, MemberData(nameof(InvalidSignatures))]
    public async Task An_invalid_signature_is_a_validation_problem_naming_the_fields_and_publishes_nothing(string json, string[] fields)
    {
        var organisation = await _admin.RegisterOrganisation();

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostRaw(IsaUrl(organisation), json));

        await response.ValidationProblem(fields);
        Assert.Empty(tracked.Sent.MessagesOf<IsaSigned>());
        Assert.Equal("\"1\"", (await _admin.ReadOrganisation(organisation)).ETag);
    }

    [Theory]
    [InlineData("""{"signedOn":"not-a-date","signedBy":"Jo Bloggs"}""")]
    [InlineData("""{"signedOn":"2025-13-01","signedBy":"Jo Bloggs"}""")]
    [InlineData("""{"signedOn":20250401,"signedBy":"Jo Bloggs"}""")]
    [InlineData("""{"signedOn":"2025-04-01","signedBy":["Jo"]}""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task An_unreadable_signature_is_a_400_problem(string json)
    {
        var organisation = await _admin.RegisterOrganisation();

        await (await _admin.PostRaw(IsaUrl(organisation), json)).UnreadableBodyProblem();
        Assert.Equal("\"1\"", (await _admin.ReadOrganisation(organisation)).ETag);
    }

    [Fact]
    public async Task Signing_for_an_unknown_organisation_is_a_404_not_found_problem()
    {
        var unknown = Guid.NewGuid();

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(IsaUrl(unknown), new { signedOn = "2025-04-01", signedBy = "Jo Bloggs" }));

        var problem = await response.Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Contains(unknown.ToString(), problem["detail"]!.GetValue<string>());
        Assert.Empty(tracked.Sent.MessagesOf<IsaSigned>());
        await (await _admin.PostJson(IsaUrl(Guid.Empty), new { signedOn = "2025-04-01", signedBy = "Jo Bloggs" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
    }

    // ---- withdrawing ----

    [Fact]
    public async Task Withdrawing_answers_204_with_the_new_version_ends_the_signature_and_publishes_IsaWithdrawn()
    {
        var organisation = await _admin.RegisterOrganisation();
        await _admin.SignIsa(organisation, "2025-04-01", "Jo Bloggs");
        var before = DateTimeOffset.UtcNow;

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(IsaWithdrawUrl(organisation),
            new { reason = " Merging with another authority  " }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("\"3\"", response.ETag());
        var published = tracked.Sent.SingleMessage<IsaWithdrawn>();
        Assert.Equal((organisation, "Merging with another authority"), (published.OrganisationId, published.Reason));
        Assert.InRange(published.RecordedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Empty(tracked.Sent.MessagesOf<IsaSigned>());

        var (body, etag) = await _admin.ReadOrganisation(organisation);
        Assert.Equal("\"3\"", etag);
        Assert.False(body["isaSignatory"]!.GetValue<bool>());
        Assert.Null(body["isaSignedOn"]);
        Assert.Null(body["isaSignedBy"]);
        var history = body["isaHistory"]!.AsArray();
        Assert.Equal(["Signed", "Withdrawn"], history.Select(e => e!["action"]!.GetValue<string>()));
        Assert.Equal("Merging with another authority", history[1]!["reason"]!.GetValue<string>());
        Assert.Equal(published.RecordedAt, history[1]!["recordedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("2025-04-01", history[0]!["signedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Withdrawing_without_having_signed_is_refused_with_409_isa_not_signed()
    {
        var organisation = await _admin.RegisterOrganisation();

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(IsaWithdrawUrl(organisation), new { reason = "No longer needed" }));

        await response.Problem(HttpStatusCode.Conflict, "isa-not-signed");
        Assert.Empty(tracked.Sent.MessagesOf<IsaWithdrawn>());
        Assert.Equal("\"1\"", (await _admin.ReadOrganisation(organisation)).ETag);
    }

    [Fact]
    public async Task Withdrawing_twice_is_refused_with_409_isa_not_signed()
    {
        var organisation = await _admin.RegisterOrganisation();
        await _admin.SignIsa(organisation);
        await _admin.WithdrawIsa(organisation);

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(IsaWithdrawUrl(organisation), new { reason = "Again" }));

        await response.Problem(HttpStatusCode.Conflict, "isa-not-signed");
        Assert.Empty(tracked.Sent.MessagesOf<IsaWithdrawn>());
        var (body, etag) = await _admin.ReadOrganisation(organisation);
        Assert.Equal("\"3\"", etag);
        Assert.Equal(2, body["isaHistory"]!.AsArray().Count);
    }

    public static TheoryData<string> InvalidWithdrawals => new()
    {
        """{}""",
        """{"reason":null}""",
        """{"reason":""}""",
        """{"reason":"   "}""",
        $$"""{"reason":"{{new string('r', 1001)}}"}""",
    };

    [Theory, MemberData(nameof(InvalidWithdrawals))]
    public async Task An_invalid_withdrawal_is_a_validation_problem_naming_the_reason(string json)
    {
        var organisation = await _admin.RegisterOrganisation();
        await _admin.SignIsa(organisation);

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostRaw(IsaWithdrawUrl(organisation), json));

        await response.ValidationProblem("reason");
        Assert.Empty(tracked.Sent.MessagesOf<IsaWithdrawn>());
        var (body, etag) = await _admin.ReadOrganisation(organisation);
        Assert.Equal("\"2\"", etag);
        Assert.True(body["isaSignatory"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"reason":5}""")]
    [InlineData("""{"reason":""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task An_unreadable_withdrawal_is_a_400_problem(string json)
    {
        var organisation = await _admin.RegisterOrganisation();
        await _admin.SignIsa(organisation);

        await (await _admin.PostRaw(IsaWithdrawUrl(organisation), json)).UnreadableBodyProblem();
        Assert.Equal("\"2\"", (await _admin.ReadOrganisation(organisation)).ETag);
    }

    [Fact]
    public async Task A_reason_of_exactly_1000_characters_is_accepted()
    {
        var organisation = await _admin.RegisterOrganisation();
        await _admin.SignIsa(organisation);
        var reason = new string('r', 1000);

        await _admin.WithdrawIsa(organisation, reason);

        var (body, _) = await _admin.ReadOrganisation(organisation);
        Assert.Equal(reason, body["isaHistory"]!.AsArray()[1]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Withdrawing_for_an_unknown_organisation_is_a_404_not_found_problem()
    {
        var unknown = Guid.NewGuid();
        var problem = await (await _admin.PostJson(IsaWithdrawUrl(unknown), new { reason = "No longer needed" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Contains(unknown.ToString(), problem["detail"]!.GetValue<string>());
    }

    // ---- signing again ----

    [Fact]
    public async Task An_organisation_may_sign_again_after_withdrawing()
    {
        var organisation = await _admin.RegisterOrganisation();
        await _admin.SignIsa(organisation, "2025-04-01", "Jo Bloggs");
        await _admin.WithdrawIsa(organisation, "Reorganisation");

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(IsaUrl(organisation), new { signedOn = "2025-09-15", signedBy = "Sam Smith" }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("\"4\"", response.ETag());
        var published = tracked.Sent.SingleMessage<IsaSigned>();
        Assert.Equal((organisation, new DateOnly(2025, 9, 15), "Sam Smith"), (published.OrganisationId, published.SignedOn, published.SignedBy));

        var (body, etag) = await _admin.ReadOrganisation(organisation);
        Assert.Equal("\"4\"", etag);
        Assert.True(body["isaSignatory"]!.GetValue<bool>());
        Assert.Equal(("2025-09-15", "Sam Smith"), (body["isaSignedOn"]!.GetValue<string>(), body["isaSignedBy"]!.GetValue<string>()));
        Assert.Equal(["Signed", "Withdrawn", "Signed"], body["isaHistory"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
    }

    // ---- the list, filtered by signature ----

    [Fact]
    public async Task The_list_can_be_filtered_to_current_signatories_or_to_the_others()
    {
        var signed = await _admin.RegisterOrganisation();
        await _admin.SignIsa(signed);
        var never = await _admin.RegisterOrganisation();
        var withdrawn = await _admin.RegisterOrganisation();
        await _admin.SignIsa(withdrawn);
        await _admin.WithdrawIsa(withdrawn);

        var signatories = (await ListOrganisations("?isaSigned=true")).Select(o => o["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(signed, signatories);
        Assert.DoesNotContain(never, signatories);
        Assert.DoesNotContain(withdrawn, signatories);

        var others = (await ListOrganisations("?isaSigned=false")).Select(o => o["id"]!.GetValue<Guid>()).ToList();
        Assert.DoesNotContain(signed, others);
        Assert.Contains(never, others);
        Assert.Contains(withdrawn, others);

        var all = (await ListOrganisations()).Select(o => o["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(signed, all);
        Assert.Contains(never, all);
        Assert.Contains(withdrawn, all);
    }

    [Fact]
    public async Task A_filter_value_that_is_not_a_boolean_is_a_400_problem()
    {
        await (await _admin.GetAsync($"{OrganisationsUrl}?isaSigned=maybe")).Problem(HttpStatusCode.BadRequest);
    }

    // ---- who may ----

    public static TheoryData<string, string> Commands => new()
    {
        { "sign", """{"signedOn":"2025-04-01","signedBy":"Jo Bloggs"}""" },
        { "withdraw", """{"reason":"No longer needed"}""" },
    };

    [Theory, MemberData(nameof(Commands))]
    public async Task A_command_without_a_token_is_a_401_problem(string command, string json)
    {
        var organisation = await SignedWhenWithdrawing(command);

        var response = await fixture.Client().PostRaw(CommandUrl(command, organisation), json);

        await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory, MemberData(nameof(Commands))]
    public async Task A_command_without_the_governance_admin_role_is_a_403_problem_and_changes_nothing(string command, string json)
    {
        var organisation = await SignedWhenWithdrawing(command);
        var (_, before) = await _admin.ReadOrganisation(organisation);

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await fixture.Client("meetings-clerk").PostRaw(CommandUrl(command, organisation), json));

        await response.Problem(HttpStatusCode.Forbidden);
        await (await WithoutRoles().PostRaw(CommandUrl(command, organisation), json)).Problem(HttpStatusCode.Forbidden);
        Assert.Empty(tracked.Sent.MessagesOf<IsaSigned>());
        Assert.Empty(tracked.Sent.MessagesOf<IsaWithdrawn>());
        Assert.Equal(before, (await _admin.ReadOrganisation(organisation)).ETag);
    }

    [Fact]
    public async Task Any_authenticated_user_may_read_the_signature()
    {
        var organisation = await _admin.RegisterOrganisation();
        await _admin.SignIsa(organisation, "2025-04-01");
        var reader = fixture.Client("meetings-clerk");

        var (body, _) = await reader.ReadOrganisation(organisation);
        Assert.Equal("2025-04-01", body["isaSignedOn"]!.GetValue<string>());
        await (await reader.GetAsync($"{OrganisationsUrl}?isaSigned=true")).Json(HttpStatusCode.OK);
    }

    // ---- If-Match ----

    [Fact]
    public async Task Signing_and_withdrawing_succeed_with_If_Match_naming_the_current_version()
    {
        var organisation = await _admin.RegisterOrganisation();

        var signed = await _admin.PostJson(IsaUrl(organisation), new { signedOn = "2025-04-01", signedBy = "Jo Bloggs" }, "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, signed.StatusCode);
        Assert.Equal("\"2\"", signed.ETag());

        var withdrawn = await _admin.PostJson(IsaWithdrawUrl(organisation), new { reason = "Under review" }, signed.ETag());
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal("\"3\"", withdrawn.ETag());
    }

    [Theory]
    [InlineData("sign")]
    [InlineData("withdraw")]
    public async Task A_stale_If_Match_is_a_412_stale_version_problem_and_changes_nothing(string command)
    {
        var organisation = await SignedWhenWithdrawing(command);
        var (_, current) = await _admin.ReadOrganisation(organisation);
        var currentVersion = long.Parse(current.Trim('"'), CultureInfo.InvariantCulture);
        object body = command == "sign" ? new { signedOn = "2025-04-01", signedBy = "Jo Bloggs" } : new { reason = "Under review" };

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _admin.PostJson(CommandUrl(command, organisation), body, $"\"{currentVersion + 5}\""));

        var problem = await response.Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        Assert.Equal(currentVersion, problem["currentVersion"]!.GetValue<long>());
        Assert.Empty(tracked.Sent.MessagesOf<IsaSigned>());
        Assert.Empty(tracked.Sent.MessagesOf<IsaWithdrawn>());
        Assert.Equal(current, (await _admin.ReadOrganisation(organisation)).ETag);
    }

    [Fact]
    public async Task An_If_Match_that_is_not_a_version_is_a_400_problem()
    {
        var organisation = await _admin.RegisterOrganisation();
        var response = await _admin.PostJson(IsaUrl(organisation), new { signedOn = "2025-04-01", signedBy = "Jo Bloggs" }, "W/\"1\"");

        await response.Problem(HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal("\"1\"", (await _admin.ReadOrganisation(organisation)).ETag);
    }

    // ---- helpers ----

    private static string CommandUrl(string command, Guid organisationId) =>
        command == "sign" ? IsaUrl(organisationId) : IsaWithdrawUrl(organisationId);

    /// <summary>A new organisation, already a signatory when the command to test is a withdrawal (so only the tested condition can refuse it).</summary>
    private async Task<Guid> SignedWhenWithdrawing(string command)
    {
        var organisation = await _admin.RegisterOrganisation();
        if (command == "withdraw") await _admin.SignIsa(organisation);
        return organisation;
    }

    /// <summary>A valid token that carries no role at all.</summary>
    private HttpClient WithoutRoles() => fixture.Client().WithToken();

    private async Task<List<JsonNode>> ListOrganisations(string query = "") =>
        (await _admin.AllPages(OrganisationsUrl + query)).Select(o => o!).ToList();

    // ---- agreement versions, review dates and reminders ----

    [Fact]
    public async Task A_signature_names_its_agreement_version_and_review_date_and_a_reminder_is_raised_before_the_review()
    {
        var organisation = await _admin.RegisterOrganisation();
        // signed almost a year ago: the review, a year after signing, is 20 days away, within the 30 days the reminder comes before it
        var signedOn = UtcToday.AddMonths(-12).AddDays(20);
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await _admin.PostJson(IsaUrl(organisation),
            new { signedOn = signedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), signedBy = "Jo Bloggs", agreementVersion = "Kent and Medway ISA v4" }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var published = tracked.Sent.SingleMessage<IsaSigned>();
        Assert.Equal(("Kent and Medway ISA v4", signedOn.AddMonths(12)), (published.AgreementVersion, published.ReviewOn));

        await Probes.Eventually(TimeSpan.FromSeconds(30), async () =>
            (await _admin.ReadOrganisation(organisation)).Organisation["isaReviewReminders"]!.AsArray().Count == 1);
        var (body, _) = await _admin.ReadOrganisation(organisation);
        Assert.Equal((signedOn.AddMonths(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Kent and Medway ISA v4"),
            (body["isaReviewOn"]!.GetValue<string>(), body["isaAgreementVersion"]!.GetValue<string>()));

        // near its review, it may be signed again; the new signature is reviewed a year on
        await _admin.SignIsa(organisation, UtcToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Sam Smith");
        (body, _) = await _admin.ReadOrganisation(organisation);
        Assert.Equal(UtcToday.AddMonths(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), body["isaReviewOn"]!.GetValue<string>());
        Assert.Equal(2, body["isaHistory"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_review_date_before_the_signature_is_refused()
    {
        var organisation = await _admin.RegisterOrganisation();
        await (await _admin.PostJson(IsaUrl(organisation), new { signedOn = "2026-01-10", signedBy = "Jo Bloggs", reviewOn = "2026-01-10" }))
            .Problem(HttpStatusCode.UnprocessableEntity, "isa-review-before-signature");
        await (await _admin.PostJson(IsaUrl(organisation), new { signedOn = "2026-01-10", signedBy = "Jo Bloggs", agreementVersion = new string('v', 51) }))
            .Problem(HttpStatusCode.BadRequest, "validation");
    }
}
