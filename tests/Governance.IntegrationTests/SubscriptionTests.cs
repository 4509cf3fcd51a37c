using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.TestSupport;
using CommunitySafety.ServiceDefaults.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>
/// Webhook subscriptions through HTTP: a governance admin manages any organisation's, an organisation admin only their
/// own; the signing secret is shown only when created or rotated; URLs that could reach internal addresses are refused.
/// </summary>
public sealed class SubscriptionTests(GovernanceFixture fixture)
{
    private const string SubscriptionsUrl = "/api/governance/subscriptions";
    private const string PublicUrl = "https://93.184.215.14/hooks";
    private static string SubscriptionUrl(Guid id) => $"{SubscriptionsUrl}/{id}";
    private static readonly string[] BothTypes = [DecisionEvents.DecisionRecordedType, DecisionEvents.GrantAwardedType];

    private readonly HttpClient _admin = fixture.Client(GovernanceRoles.Admin);

    private HttpClient OrganisationAdmin(Guid organisationId) => fixture.ClientFor(organisationId, GovernanceRoles.OrganisationAdmin);

    private static Task<HttpResponseMessage> Create(HttpClient client, Guid organisationId, string url = PublicUrl, string[]? eventTypes = null) =>
        client.PostJson(SubscriptionsUrl, new { organisationId, url, eventTypes = eventTypes ?? [DecisionEvents.GrantAwardedType] });

    private async Task<(Guid Organisation, Guid Subscription, string Secret)> Subscribed()
    {
        var organisation = await _admin.RegisterOrganisation();
        var created = await (await Create(_admin, organisation)).Json(HttpStatusCode.Created);
        return (organisation, created["id"]!.GetValue<Guid>(), created["secret"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> Delete(HttpClient client, Guid id, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, SubscriptionUrl(id));
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private async Task<JsonNode> Read(Guid id) => await (await _admin.GetAsync(SubscriptionUrl(id))).Json(HttpStatusCode.OK);

    private async Task<WebhookSubscription> Stored(Guid id)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<WebhookSubscription>(id, TestContext.Current.CancellationToken))!;
    }

    /// <summary>The secrets that sign a delivery at <paramref name="at"/>, opened as the delivery handler opens them.</summary>
    private async Task<IReadOnlyList<string>> Signing(Guid id, DateTimeOffset at)
    {
        var subscription = await Stored(id);
        await using var session = fixture.Store.QuerySession();
        return await WebhookSecrets.SigningAsync(session, fixture.Host.Services.GetRequiredService<DataKeys>(), subscription, at,
            TestContext.Current.CancellationToken);
    }

    // ---- creating ----

    [Fact]
    public async Task Creating_answers_201_with_the_subscription_and_its_secret_which_signs_deliveries()
    {
        var organisation = await _admin.RegisterOrganisation();

        var response = await Create(_admin, organisation, eventTypes: BothTypes);

        var body = await response.Json(HttpStatusCode.Created);
        var id = body["id"]!.GetValue<Guid>();
        Assert.Equal(new Uri(SubscriptionUrl(id), UriKind.Relative), response.Headers.Location);
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal((organisation, PublicUrl, "Active"),
            (body["organisationId"]!.GetValue<Guid>(), body["url"]!.GetValue<string>(), body["status"]!.GetValue<string>()));
        Assert.Equal(BothTypes, body["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        var secret = body["secret"]!.GetValue<string>();
        Assert.Equal(32, StandardWebhooks.Key(secret).Length);

        Assert.Equal([secret], await Signing(id, DateTimeOffset.UtcNow));
        Assert.Equal("Test User", (await fixture.Store.QuerySession().Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken))
            .Select(e => e.Data).OfType<SubscriptionCreated>().Single().CreatedBy);
    }

    [Fact]
    public async Task Each_subscription_gets_its_own_secret()
    {
        var (_, _, first) = await Subscribed();
        var (_, _, second) = await Subscribed();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task An_organisation_admin_subscribes_their_own_organisation()
    {
        var organisation = await _admin.RegisterOrganisation();

        var body = await (await Create(OrganisationAdmin(organisation), organisation)).Json(HttpStatusCode.Created);

        Assert.Equal(organisation, body["organisationId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task An_organisation_admin_of_another_organisation_is_refused_with_403_and_nothing_is_stored()
    {
        var organisation = await _admin.RegisterOrganisation();
        var other = await _admin.RegisterOrganisation();

        await (await Create(OrganisationAdmin(other), organisation)).Problem(HttpStatusCode.Forbidden, "not-your-organisation");

        Assert.Empty((await (await _admin.GetAsync($"{SubscriptionsUrl}?organisationId={organisation}")).Json(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task An_organisation_admin_whose_token_names_no_organisation_is_refused_with_403()
    {
        var organisation = await _admin.RegisterOrganisation();
        await (await Create(fixture.Client(GovernanceRoles.OrganisationAdmin), organisation)).Problem(HttpStatusCode.Forbidden, "no-organisation");
    }

    [Fact]
    public async Task An_unregistered_organisation_is_refused_with_422()
    {
        var problem = await (await Create(_admin, Guid.NewGuid())).Problem(HttpStatusCode.UnprocessableEntity, "organisation-not-registered");
        Assert.Contains("not registered", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_or_unreadable_body_is_a_400_problem()
    {
        await (await _admin.PostRaw(SubscriptionsUrl, "null")).UnreadableBodyProblem();
        await (await _admin.PostRaw(SubscriptionsUrl, "{not json")).UnreadableBodyProblem();
        await (await _admin.PostRaw(SubscriptionsUrl, """{"organisationId":"not-a-guid"}""")).UnreadableBodyProblem();
    }

    [Fact]
    public async Task Missing_fields_are_a_400_validation_problem_naming_each()
    {
        await (await _admin.PostRaw(SubscriptionsUrl, "{}")).ValidationProblem("organisationId", "url", "eventTypes");
    }

    [Theory]
    [InlineData("uk.gov.csp.something.else.v1")]
    [InlineData("")]
    public async Task An_event_type_that_is_not_a_decision_event_is_a_400_validation_problem(string type)
    {
        var organisation = await _admin.RegisterOrganisation();
        var errors = await (await Create(_admin, organisation, eventTypes: [DecisionEvents.GrantAwardedType, type])).ValidationProblem("eventTypes");
        Assert.Contains(DecisionEvents.GrantAwardedType, errors["eventTypes"]![0]!.GetValue<string>());
        await (await Create(_admin, organisation, eventTypes: [])).ValidationProblem("eventTypes");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://93.184.215.14/hooks")]
    [InlineData("https://user:password@93.184.215.14/hooks")]
    [InlineData("https://93.184.215.14/hooks#fragment")]
    public async Task A_malformed_url_is_a_400_validation_problem_with_the_reason(string url)
    {
        var organisation = await _admin.RegisterOrganisation();
        var errors = await (await Create(_admin, organisation, url)).ValidationProblem("url");
        Assert.StartsWith("'url' must", errors["url"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://10.0.0.1/hooks", "10.0.0.1")]
    [InlineData("https://192.168.1.20:8443/hooks", "192.168.1.20")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "metadata")]
    [InlineData("https://[fd00::1]/hooks", "unique-local")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks", "10.0.0.1")]
    [InlineData("http://93.184.215.14/hooks", "https")]
    public async Task A_url_reaching_a_non_public_address_or_plain_http_is_refused_with_422(string url, string reason)
    {
        var organisation = await _admin.RegisterOrganisation();

        var problem = await (await Create(_admin, organisation, url)).Problem(HttpStatusCode.UnprocessableEntity, "url-not-allowed");

        Assert.Contains(reason, problem["detail"]!.GetValue<string>());
        Assert.Empty((await (await _admin.GetAsync($"{SubscriptionsUrl}?organisationId={organisation}")).Json(HttpStatusCode.OK)).AsArray());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5099/hooks")]
    [InlineData("http://[::1]:5099/hooks")]
    [InlineData("https://[2606:4700:4700::1111]:8443/hooks?agency=kent")]
    public async Task Loopback_http_is_allowed_as_configured_and_a_port_and_query_are_kept(string url)
    {
        var organisation = await _admin.RegisterOrganisation();
        var body = await (await Create(_admin, organisation, url)).Json(HttpStatusCode.Created);
        Assert.Equal(new Uri(url).AbsoluteUri, body["url"]!.GetValue<string>());
    }

    // ---- reading ----

    [Fact]
    public async Task Reading_shows_the_subscription_but_never_a_secret()
    {
        var (organisation, id, secret) = await Subscribed();

        var response = await _admin.GetAsync(SubscriptionUrl(id));
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = await response.Json(HttpStatusCode.OK);

        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal((id, organisation, PublicUrl, "Active"), (body["id"]!.GetValue<Guid>(), body["organisationId"]!.GetValue<Guid>(),
            body["url"]!.GetValue<string>(), body["status"]!.GetValue<string>()));
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain("whsec_", text);
        Assert.Null(Assert.Single(body["secrets"]!.AsArray())!["expiresAt"]);

        var list = await (await _admin.GetAsync($"{SubscriptionsUrl}?organisationId={organisation}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(id.ToString(), list);
        Assert.DoesNotContain("whsec_", list);
    }

    [Fact]
    public async Task The_list_is_filtered_by_organisation_and_an_organisation_admin_sees_only_their_own()
    {
        var (police, policeSubscription, _) = await Subscribed();
        var (council, councilSubscription, _) = await Subscribed();

        static async Task<Guid[]> Ids(HttpResponseMessage r) =>
            (await r.Json(HttpStatusCode.OK)).AsArray().Select(s => s!["id"]!.GetValue<Guid>()).ToArray();

        Assert.Equal([policeSubscription], await Ids(await _admin.GetAsync($"{SubscriptionsUrl}?organisationId={police}")));
        var all = await Ids(await _admin.GetAsync(SubscriptionsUrl));
        Assert.Contains(policeSubscription, all);
        Assert.Contains(councilSubscription, all);

        Assert.Equal([policeSubscription], await Ids(await OrganisationAdmin(police).GetAsync(SubscriptionsUrl)));
        Assert.Equal([policeSubscription], await Ids(await OrganisationAdmin(police).GetAsync($"{SubscriptionsUrl}?organisationId={police}")));
        await (await OrganisationAdmin(police).GetAsync($"{SubscriptionsUrl}?organisationId={council}")).Problem(HttpStatusCode.Forbidden, "not-your-organisation");
    }

    [Fact]
    public async Task An_organisation_admin_reads_their_own_subscription_but_not_another_organisations()
    {
        var (police, id, _) = await Subscribed();
        var other = await _admin.RegisterOrganisation();

        await (await OrganisationAdmin(police).GetAsync(SubscriptionUrl(id))).Json(HttpStatusCode.OK);
        await (await OrganisationAdmin(other).GetAsync(SubscriptionUrl(id))).Problem(HttpStatusCode.Forbidden, "not-your-organisation");
    }

    [Fact]
    public async Task Reading_an_unknown_subscription_is_a_404_problem()
    {
        await (await _admin.GetAsync(SubscriptionUrl(Guid.NewGuid()))).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.GetAsync(SubscriptionUrl(Guid.Empty))).Problem(HttpStatusCode.NotFound, "not-found");
    }

    // ---- rotating the secret ----

    [Fact]
    public async Task Rotating_answers_a_new_secret_and_both_sign_until_the_grace_expires()
    {
        var (_, id, oldSecret) = await Subscribed();
        var before = DateTimeOffset.UtcNow;

        var response = await _admin.PostJson($"{SubscriptionUrl(id)}/rotate-secret", new { });

        var body = await response.Json(HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.ETag());
        var newSecret = body["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal(32, StandardWebhooks.Key(newSecret).Length);
        var expires = body["oldSecretsExpireAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expires, before.AddHours(24).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(24).AddSeconds(1));

        Assert.Equal([newSecret, oldSecret], await Signing(id, DateTimeOffset.UtcNow));
        Assert.Equal([newSecret], await Signing(id, expires));

        var read = await (await _admin.GetAsync(SubscriptionUrl(id))).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("whsec_", read);
    }

    [Fact]
    public async Task Rotating_takes_a_grace_period_of_up_to_168_hours()
    {
        var (_, id, _) = await Subscribed();
        var before = DateTimeOffset.UtcNow;

        var body = await (await _admin.PostJson($"{SubscriptionUrl(id)}/rotate-secret", new { graceHours = 168 })).Json(HttpStatusCode.OK);
        Assert.InRange(body["oldSecretsExpireAt"]!.GetValue<DateTimeOffset>(), before.AddHours(168).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(168).AddSeconds(1));

        await (await _admin.PostJson($"{SubscriptionUrl(id)}/rotate-secret", new { graceHours = 169 })).ValidationProblem("graceHours");
        await (await _admin.PostJson($"{SubscriptionUrl(id)}/rotate-secret", new { graceHours = -1 })).ValidationProblem("graceHours");
        await (await _admin.PostRaw($"{SubscriptionUrl(id)}/rotate-secret", "null")).UnreadableBodyProblem();
    }

    [Fact]
    public async Task An_organisation_admin_rotates_their_own_secret_but_not_another_organisations()
    {
        var (police, id, _) = await Subscribed();
        var other = await _admin.RegisterOrganisation();

        await (await OrganisationAdmin(other).PostJson($"{SubscriptionUrl(id)}/rotate-secret", new { })).Problem(HttpStatusCode.Forbidden, "not-your-organisation");
        Assert.Single((await Stored(id)).Secrets);

        await (await OrganisationAdmin(police).PostJson($"{SubscriptionUrl(id)}/rotate-secret", new { })).Json(HttpStatusCode.OK);
        Assert.Equal(2, (await Stored(id)).Secrets.Count);
    }

    // ---- pausing, resuming, deleting ----

    [Fact]
    public async Task Pausing_and_resuming_answer_204_and_neither_twice()
    {
        var (_, id, _) = await Subscribed();

        var paused = await _admin.PostEmpty($"{SubscriptionUrl(id)}/pause");
        Assert.Equal(HttpStatusCode.NoContent, paused.StatusCode);
        Assert.Equal("\"2\"", paused.ETag());
        Assert.Equal("Paused", (await Read(id))["status"]!.GetValue<string>());
        await (await _admin.PostEmpty($"{SubscriptionUrl(id)}/pause")).Problem(HttpStatusCode.Conflict, "subscription-already-paused");

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty($"{SubscriptionUrl(id)}/resume")).StatusCode);
        Assert.Equal("Active", (await Read(id))["status"]!.GetValue<string>());
        await (await _admin.PostEmpty($"{SubscriptionUrl(id)}/resume")).Problem(HttpStatusCode.Conflict, "subscription-already-active");
    }

    [Fact]
    public async Task Resuming_re_enables_a_subscription_its_receiver_disabled()
    {
        var (_, id, _) = await Subscribed();
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append(id, new SubscriptionDisabled(id, "The receiver answered 410 Gone", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var disabled = await Read(id);
        Assert.Equal(("Disabled", "The receiver answered 410 Gone"), (disabled["status"]!.GetValue<string>(), disabled["disabledReason"]!.GetValue<string>()));
        await (await _admin.PostEmpty($"{SubscriptionUrl(id)}/pause")).Problem(HttpStatusCode.Conflict, "subscription-disabled");

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty($"{SubscriptionUrl(id)}/resume")).StatusCode);

        var resumed = await Read(id);
        Assert.Equal("Active", resumed["status"]!.GetValue<string>());
        Assert.Null(resumed["disabledReason"]);
    }

    [Fact]
    public async Task A_deleted_subscription_is_shown_as_deleted_left_out_of_lists_and_refuses_everything()
    {
        var (organisation, id, _) = await Subscribed();

        Assert.Equal(HttpStatusCode.NoContent, (await Delete(_admin, id)).StatusCode);

        Assert.Equal("Deleted", (await Read(id))["status"]!.GetValue<string>());
        Assert.Empty((await (await _admin.GetAsync($"{SubscriptionsUrl}?organisationId={organisation}")).Json(HttpStatusCode.OK)).AsArray());
        await (await _admin.PostEmpty($"{SubscriptionUrl(id)}/pause")).Problem(HttpStatusCode.Conflict, "subscription-deleted");
        await (await _admin.PostEmpty($"{SubscriptionUrl(id)}/resume")).Problem(HttpStatusCode.Conflict, "subscription-deleted");
        await (await _admin.PostJson($"{SubscriptionUrl(id)}/rotate-secret", new { })).Problem(HttpStatusCode.Conflict, "subscription-deleted");
        await (await Delete(_admin, id)).Problem(HttpStatusCode.Conflict, "subscription-deleted");
        Assert.Equal(3, (await Stored(id)).Version); // created, deleted, its secret shredded
    }

    [Fact]
    public async Task An_organisation_admin_of_another_organisation_cannot_pause_resume_or_delete()
    {
        var (police, id, _) = await Subscribed();
        var other = OrganisationAdmin(await _admin.RegisterOrganisation());

        await (await other.PostEmpty($"{SubscriptionUrl(id)}/pause")).Problem(HttpStatusCode.Forbidden, "not-your-organisation");
        await (await other.PostEmpty($"{SubscriptionUrl(id)}/resume")).Problem(HttpStatusCode.Forbidden, "not-your-organisation");
        await (await Delete(other, id)).Problem(HttpStatusCode.Forbidden, "not-your-organisation");
        Assert.Equal(SubscriptionStatus.Active, (await Stored(id)).Status);

        var own = OrganisationAdmin(police);
        Assert.Equal(HttpStatusCode.NoContent, (await own.PostEmpty($"{SubscriptionUrl(id)}/pause")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await own.PostEmpty($"{SubscriptionUrl(id)}/resume")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Delete(own, id)).StatusCode);
    }

    [Fact]
    public async Task Commands_on_an_unknown_subscription_are_404_problems()
    {
        var unknown = Guid.NewGuid();
        await (await _admin.PostEmpty($"{SubscriptionUrl(unknown)}/pause")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.PostEmpty($"{SubscriptionUrl(unknown)}/resume")).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _admin.PostJson($"{SubscriptionUrl(unknown)}/rotate-secret", new { })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await Delete(_admin, unknown)).Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_stale_if_match_is_a_412_problem_and_a_current_one_succeeds()
    {
        var (_, id, _) = await Subscribed();
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty($"{SubscriptionUrl(id)}/pause", "\"1\"")).StatusCode);

        await (await _admin.PostEmpty($"{SubscriptionUrl(id)}/resume", "\"1\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await _admin.PostJson($"{SubscriptionUrl(id)}/rotate-secret", new { }, "\"1\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await Delete(_admin, id, "\"1\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await _admin.PostEmpty($"{SubscriptionUrl(id)}/resume", "not-a-version")).Problem(HttpStatusCode.BadRequest, "bad-request");

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostEmpty($"{SubscriptionUrl(id)}/resume", "\"2\"")).StatusCode);
    }

    // ---- authentication and roles ----

    public static TheoryData<string, string> Requests => new()
    {
        { "POST", SubscriptionsUrl },
        { "GET", SubscriptionsUrl },
        { "GET", SubscriptionUrl(Guid.NewGuid()) },
        { "POST", $"{SubscriptionUrl(Guid.NewGuid())}/rotate-secret" },
        { "POST", $"{SubscriptionUrl(Guid.NewGuid())}/pause" },
        { "POST", $"{SubscriptionUrl(Guid.NewGuid())}/resume" },
        { "DELETE", SubscriptionUrl(Guid.NewGuid()) },
    };

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
            request.Content = new StringContent($$"""{"organisationId":"{{Guid.NewGuid()}}","url":"{{PublicUrl}}","eventTypes":["{{DecisionEvents.GrantAwardedType}}"]}""",
                System.Text.Encoding.UTF8, "application/json");
        return client.SendAsync(request);
    }

    [Theory, MemberData(nameof(Requests))]
    public async Task Without_a_token_every_request_is_a_401_problem(string method, string url)
    {
        await (await Send(fixture.Client(), method, url)).Problem(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Requests))]
    public async Task Without_an_admin_role_every_request_is_a_403_problem(string method, string url)
    {
        await (await Send(fixture.Client("meetings-clerk"), method, url)).Problem(HttpStatusCode.Forbidden);
        await (await Send(fixture.ClientFor(Guid.NewGuid(), "meetings-clerk"), method, url)).Problem(HttpStatusCode.Forbidden);
    }
}
