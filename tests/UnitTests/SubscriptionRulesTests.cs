using OrganisationKind = CommunitySafety.Contracts.Governance.OrganisationKind;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Webhook subscriptions: who may manage them, their lifecycle, and rotation of the signing secret.</summary>
public sealed class SubscriptionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Organisation Police =
        Organisation.Create(new OrganisationRegistered(Guid.NewGuid(), "Kent Police", OrganisationKind.ResponsibleAuthority, Now));
    private static readonly Guid OtherOrganisation = Guid.NewGuid();
    private static readonly Uri Url = new("https://police.example/hooks");
    private const string FirstSecret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    private const string SecondSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static SubscriptionCreated Created(Guid? acting = null, IReadOnlyList<string>? types = null) =>
        WebhookSubscription.DecideCreate(Guid.NewGuid(), Police, Police.Id, acting, Url, types ?? [DecisionEvents.GrantAwardedType],
            FirstSecret, "Jo Admin", Now);

    private static WebhookSubscription Subscription() => WebhookSubscription.Create(Created());

    private static WebhookSubscription Apply(WebhookSubscription s, IReadOnlyList<object> events) => events.Single() switch
    {
        SubscriptionSecretRotated e => s.Apply(e),
        SubscriptionPaused e => s.Apply(e),
        SubscriptionResumed e => s.Apply(e),
        SubscriptionDeleted e => s.Apply(e),
        var e => throw new InvalidOperationException(e.GetType().Name),
    };

    private static void Refused(string rule, int status, Action act)
    {
        var violation = Assert.Throws<DomainRuleViolation>(act);
        Assert.Equal((rule, status), (violation.Rule, violation.StatusCode));
        Assert.DoesNotContain("status", violation.Facts.Keys);
    }

    [Fact]
    public void Creating_records_the_url_types_and_first_secret_and_the_subscription_is_active()
    {
        var created = Created(types: [DecisionEvents.GrantAwardedType, DecisionEvents.DecisionRecordedType, DecisionEvents.GrantAwardedType]);

        Assert.Equal((Police.Id, "https://police.example/hooks", "Jo Admin", Now),
            (created.OrganisationId, created.Url, created.CreatedBy, created.CreatedAt));
        Assert.Equal([DecisionEvents.GrantAwardedType, DecisionEvents.DecisionRecordedType], created.EventTypes);
        Assert.Equal(new SigningSecret(FirstSecret, Now, null), created.Secret);

        var subscription = WebhookSubscription.Create(created);
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Equal([FirstSecret], subscription.SigningSecretsAt(Now));
        Assert.True(subscription.Wants(DecisionEvents.DecisionRecordedType));
    }

    [Fact]
    public void An_organisation_admin_creates_for_their_own_organisation_only()
    {
        Assert.Equal(Police.Id, Created(acting: Police.Id).OrganisationId);
        Refused("not-your-organisation", 403, () => Created(acting: OtherOrganisation));
    }

    [Fact]
    public void The_organisation_must_be_registered()
    {
        Refused("organisation-not-registered", 422, () => WebhookSubscription.DecideCreate(
            Guid.NewGuid(), null, OtherOrganisation, null, Url, [DecisionEvents.GrantAwardedType], FirstSecret, "Jo", Now));
    }

    [Fact]
    public void Event_types_must_be_decision_event_types()
    {
        Refused("unknown-event-type", 400, () => Created(types: ["uk.gov.csp.something.else.v1"]));
        Refused("unknown-event-type", 400, () => Created(types: []));
    }

    [Fact]
    public void After_rotation_both_secrets_sign_until_the_grace_expires_then_only_the_new_one()
    {
        var rotated = Assert.IsType<SubscriptionSecretRotated>(Assert.Single(
            WebhookSubscription.DecideRotate(Subscription(), null, SecondSecret, 24, "Jo Admin", Now)));
        Assert.Equal(Now.AddHours(24), rotated.OldSecretsExpireAt);
        Assert.Equal(new SigningSecret(SecondSecret, Now, null), rotated.NewSecret);

        var subscription = Subscription().Apply(rotated);

        Assert.Equal([SecondSecret, FirstSecret], subscription.SigningSecretsAt(Now));
        Assert.Equal([SecondSecret, FirstSecret], subscription.SigningSecretsAt(Now.AddHours(24).AddTicks(-1)));
        Assert.Equal([SecondSecret], subscription.SigningSecretsAt(Now.AddHours(24)));
        Assert.Equal([SecondSecret], subscription.SigningSecretsAt(Now.AddDays(30)));

        // and the signature header a delivery carries follows suit
        var during = StandardWebhooks.SignatureHeader(subscription.SigningSecretsAt(Now.AddHours(1)), "msg_1", 1, "{}");
        var after = StandardWebhooks.SignatureHeader(subscription.SigningSecretsAt(Now.AddHours(25)), "msg_1", 1, "{}");
        Assert.Equal(2, during.Split(' ').Length);
        Assert.Equal(StandardWebhooks.Sign(SecondSecret, "msg_1", 1, "{}"), after);
    }

    [Fact]
    public void A_second_rotation_shortens_but_never_lengthens_an_older_secrets_grace()
    {
        const string third = "whsec_c2VjcmV0LW9mLWEtcm90YXRlZC1lbmRwb2ludA==";
        var once = Apply(Subscription(), WebhookSubscription.DecideRotate(Subscription(), null, SecondSecret, 168, "Jo", Now));
        var twice = Apply(once, WebhookSubscription.DecideRotate(once, null, third, 1, "Jo", Now.AddHours(2)));

        Assert.Equal([third, SecondSecret, FirstSecret], twice.SigningSecretsAt(Now.AddHours(2)));
        Assert.Equal([third], twice.SigningSecretsAt(Now.AddHours(3)));
    }

    [Fact]
    public void A_rotation_with_no_grace_stops_the_old_secret_at_once()
    {
        var subscription = Apply(Subscription(), WebhookSubscription.DecideRotate(Subscription(), null, SecondSecret, 0, "Jo", Now));
        Assert.Equal([SecondSecret], subscription.SigningSecretsAt(Now));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(169)]
    public void The_grace_period_is_0_to_168_hours(int hours)
    {
        Refused("grace-out-of-range", 400, () => WebhookSubscription.DecideRotate(Subscription(), null, SecondSecret, hours, "Jo", Now));
    }

    [Fact]
    public void Pausing_stops_deliveries_resuming_restarts_them_and_neither_twice()
    {
        var paused = Apply(Subscription(), WebhookSubscription.DecidePause(Subscription(), null, "Jo", Now));
        Assert.Equal(SubscriptionStatus.Paused, paused.Status);
        Assert.False(paused.Wants(DecisionEvents.GrantAwardedType));
        Refused("subscription-already-paused", 409, () => WebhookSubscription.DecidePause(paused, null, "Jo", Now));

        var resumed = Apply(paused, WebhookSubscription.DecideResume(paused, null, "Jo", Now));
        Assert.Equal(SubscriptionStatus.Active, resumed.Status);
        Assert.True(resumed.Wants(DecisionEvents.GrantAwardedType));
        Refused("subscription-already-active", 409, () => WebhookSubscription.DecideResume(resumed, null, "Jo", Now));
    }

    [Fact]
    public void Resuming_re_enables_a_disabled_subscription_which_cannot_be_paused()
    {
        var disabled = Subscription().Apply(new SubscriptionDisabled(Guid.NewGuid(), "410 Gone", Now));
        Refused("subscription-disabled", 409, () => WebhookSubscription.DecidePause(disabled, null, "Jo", Now));

        var resumed = Apply(disabled, WebhookSubscription.DecideResume(disabled, null, "Jo", Now));
        Assert.Equal((SubscriptionStatus.Active, (string?)null), (resumed.Status, resumed.DisabledReason));
    }

    [Fact]
    public void A_deleted_subscription_refuses_everything()
    {
        var deleted = Apply(Subscription(), WebhookSubscription.DecideDelete(Subscription(), null, "Jo", Now));
        Assert.Equal(SubscriptionStatus.Deleted, deleted.Status);
        Assert.False(deleted.Wants(DecisionEvents.GrantAwardedType));

        Refused("subscription-deleted", 409, () => WebhookSubscription.DecidePause(deleted, null, "Jo", Now));
        Refused("subscription-deleted", 409, () => WebhookSubscription.DecideResume(deleted, null, "Jo", Now));
        Refused("subscription-deleted", 409, () => WebhookSubscription.DecideDelete(deleted, null, "Jo", Now));
        Refused("subscription-deleted", 409, () => WebhookSubscription.DecideRotate(deleted, null, SecondSecret, 24, "Jo", Now));
    }

    [Fact]
    public void An_organisation_admin_of_another_organisation_may_do_nothing()
    {
        var subscription = Subscription();
        Refused("not-your-organisation", 403, () => WebhookSubscription.DecidePause(subscription, OtherOrganisation, "Jo", Now));
        Refused("not-your-organisation", 403, () => WebhookSubscription.DecideResume(subscription, OtherOrganisation, "Jo", Now));
        Refused("not-your-organisation", 403, () => WebhookSubscription.DecideDelete(subscription, OtherOrganisation, "Jo", Now));
        Refused("not-your-organisation", 403,
            () => WebhookSubscription.DecideRotate(subscription, OtherOrganisation, SecondSecret, 24, "Jo", Now));

        Assert.IsType<SubscriptionPaused>(Assert.Single(WebhookSubscription.DecidePause(subscription, Police.Id, "Jo", Now)));
    }

    [Fact]
    public void The_view_shows_when_secrets_were_made_and_expire_but_never_the_secrets()
    {
        var subscription = Apply(Subscription(), WebhookSubscription.DecideRotate(Subscription(), null, SecondSecret, 24, "Jo", Now));
        var view = WebhookSubscriptionView.Of(subscription);

        Assert.Equal([new SigningSecretView(Now, null), new SigningSecretView(Now, Now.AddHours(24))], view.Secrets);
        var json = System.Text.Json.JsonSerializer.Serialize(view);
        Assert.DoesNotContain("whsec_", json);
    }
}
