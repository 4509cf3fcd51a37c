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
    // Secrets by id; what the rules carry is the sealed text the endpoint's sealing function returns.
    private static readonly Guid FirstSecret = Guid.NewGuid(), SecondSecret = Guid.NewGuid();

    private static string SealedText(Guid secretId) => "sealed:" + secretId;

    /// <summary>A sealing function that records whether it was called (it creates the secret's data key: only on success).</summary>
    private sealed class Sealer(Guid secretId)
    {
        public bool Called { get; private set; }

        public string Seal()
        {
            Called = true;
            return SealedText(secretId);
        }
    }

    private static SubscriptionCreated Created(Guid? acting = null, IReadOnlyList<string>? types = null, Sealer? sealer = null) =>
        WebhookSubscription.DecideCreate(Guid.NewGuid(), Police, Police.Id, acting, Url, types ?? [DecisionEvents.GrantAwardedType],
            FirstSecret, (sealer ?? new Sealer(FirstSecret)).Seal, "Jo Admin", Now);

    private static IReadOnlyList<object> Rotate(WebhookSubscription s, Guid secretId, int graceHours, DateTimeOffset at, Guid? acting = null,
        Sealer? sealer = null) =>
        WebhookSubscription.DecideRotate(s, acting, secretId, (sealer ?? new Sealer(secretId)).Seal, graceHours, "Jo", at);

    private static Guid[] Signing(WebhookSubscription s, DateTimeOffset at) => [.. s.SigningSecretsAt(at).Select(x => x.Id)];

    private static WebhookSubscription Subscription() => WebhookSubscription.Create(Created());

    private static WebhookSubscription Apply(WebhookSubscription s, IReadOnlyList<object> events) => events.Aggregate(s, (current, next) => next switch
    {
        SubscriptionSecretRotated e => current.Apply(e),
        SubscriptionPaused e => current.Apply(e),
        SubscriptionResumed e => current.Apply(e),
        SubscriptionDeleted e => current.Apply(e),
        SigningSecretsShredded e => current.Apply(e),
        var e => throw new InvalidOperationException(e.GetType().Name),
    });

    private static void Refused(string rule, Refusal status, Action act)
    {
        var violation = Assert.Throws<DomainRuleViolation>(act);
        Assert.Equal((rule, status), (violation.Rule, violation.Kind));
        Assert.DoesNotContain("status", violation.Facts.Keys);
    }

    [Fact]
    public void Creating_records_the_url_types_and_first_secret_and_the_subscription_is_active()
    {
        var created = Created(types: [DecisionEvents.GrantAwardedType, DecisionEvents.DecisionRecordedType, DecisionEvents.GrantAwardedType]);

        Assert.Equal((Police.Id, "https://police.example/hooks", "Jo Admin", Now),
            (created.OrganisationId, created.Url, created.CreatedBy, created.CreatedAt));
        Assert.Equal([DecisionEvents.GrantAwardedType, DecisionEvents.DecisionRecordedType], created.EventTypes);
        Assert.Equal(new SigningSecret(FirstSecret, SealedText(FirstSecret), Now, null), created.Secret);

        var subscription = WebhookSubscription.Create(created);
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Equal([FirstSecret], Signing(subscription, Now));
        Assert.True(subscription.Wants(DecisionEvents.DecisionRecordedType));
    }

    [Fact]
    public void An_organisation_admin_creates_for_their_own_organisation_only()
    {
        Assert.Equal(Police.Id, Created(acting: Police.Id).OrganisationId);
        var sealer = new Sealer(FirstSecret);
        Refused("not-your-organisation", Refusal.Forbidden, () => Created(acting: OtherOrganisation, sealer: sealer));
        Assert.False(sealer.Called); // a refused subscription creates no key
    }

    [Fact]
    public void The_organisation_must_be_registered()
    {
        Refused("organisation-not-registered", Refusal.Inconsistent, () => WebhookSubscription.DecideCreate(
            Guid.NewGuid(), null, OtherOrganisation, null, Url, [DecisionEvents.GrantAwardedType], FirstSecret, () => throw new InvalidOperationException("sealed"),
            "Jo", Now));
    }

    [Fact]
    public void Event_types_must_be_decision_event_types()
    {
        Refused("unknown-event-type", Refusal.OutOfRange, () => Created(types: ["uk.gov.csp.something.else.v1"]));
        Refused("unknown-event-type", Refusal.OutOfRange, () => Created(types: []));
    }

    [Fact]
    public void After_rotation_both_secrets_sign_until_the_grace_expires_then_only_the_new_one()
    {
        var rotated = Assert.IsType<SubscriptionSecretRotated>(Assert.Single(Rotate(Subscription(), SecondSecret, 24, Now)));
        Assert.Equal(Now.AddHours(24), rotated.OldSecretsExpireAt);
        Assert.Equal(new SigningSecret(SecondSecret, SealedText(SecondSecret), Now, null), rotated.NewSecret);

        var subscription = Subscription().Apply(rotated);

        Assert.Equal([SecondSecret, FirstSecret], Signing(subscription, Now));
        Assert.Equal([SecondSecret, FirstSecret], Signing(subscription, Now.AddHours(24).AddTicks(-1)));
        Assert.Equal([SecondSecret], Signing(subscription, Now.AddHours(24)));
        Assert.Equal([SecondSecret], Signing(subscription, Now.AddDays(30)));
    }

    [Fact]
    public void A_second_rotation_shortens_but_never_lengthens_an_older_secrets_grace()
    {
        var third = Guid.NewGuid();
        var once = Apply(Subscription(), Rotate(Subscription(), SecondSecret, 168, Now));
        var twice = Apply(once, Rotate(once, third, 1, Now.AddHours(2)));

        Assert.Equal([third, SecondSecret, FirstSecret], Signing(twice, Now.AddHours(2)));
        Assert.Equal([third], Signing(twice, Now.AddHours(3)));
        Assert.Equal(Now.AddHours(3), twice.NextSecretExpiry());
    }

    [Fact]
    public void A_rotation_with_no_grace_stops_the_old_secret_at_once()
    {
        var subscription = Apply(Subscription(), Rotate(Subscription(), SecondSecret, 0, Now));
        Assert.Equal([SecondSecret], Signing(subscription, Now));
        Assert.Equal([FirstSecret], Assert.IsType<SigningSecretsShredded>(Assert.Single(WebhookSubscription.DecideShredExpired(subscription, Now))).SecretIds);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(169)]
    public void The_grace_period_is_0_to_168_hours(int hours)
    {
        var sealer = new Sealer(SecondSecret);
        Refused("grace-out-of-range", Refusal.OutOfRange, () => Rotate(Subscription(), SecondSecret, hours, Now, sealer: sealer));
        Assert.False(sealer.Called);
    }

    [Fact]
    public void Once_the_grace_period_is_over_the_old_secrets_are_shredded_once_and_the_current_one_never()
    {
        var subscription = Apply(Subscription(), Rotate(Subscription(), SecondSecret, 24, Now));

        Assert.Empty(WebhookSubscription.DecideShredExpired(subscription, Now.AddHours(24).AddTicks(-1)));
        var shredded = Assert.IsType<SigningSecretsShredded>(Assert.Single(WebhookSubscription.DecideShredExpired(subscription, Now.AddHours(24))));
        Assert.Equal([FirstSecret], shredded.SecretIds);
        Assert.Equal(Now.AddHours(24), shredded.At);

        var after = subscription.Apply(shredded);
        Assert.Equal(Now.AddHours(24), after.Secrets.Single(s => s.Id == FirstSecret).ShreddedAt);
        Assert.Null(after.Secrets.Single(s => s.Id == SecondSecret).ShreddedAt);
        Assert.Empty(WebhookSubscription.DecideShredExpired(after, Now.AddDays(400))); // nothing twice, never the current secret
        Assert.Null(after.NextSecretExpiry());
        Assert.Equal([SecondSecret], Signing(after, Now.AddHours(1))); // a shredded secret signs nothing, even if asked early
    }

    [Fact]
    public void Deleting_shreds_every_secret_still_held()
    {
        var third = Guid.NewGuid();
        var rotated = Apply(Subscription(), Rotate(Subscription(), SecondSecret, 0, Now));
        rotated = Apply(rotated, WebhookSubscription.DecideShredExpired(rotated, Now));
        rotated = Apply(rotated, Rotate(rotated, third, 24, Now.AddHours(1)));

        var events = WebhookSubscription.DecideDelete(rotated, null, "Jo", Now.AddHours(2));

        Assert.IsType<SubscriptionDeleted>(events[0]);
        var shredded = Assert.IsType<SigningSecretsShredded>(events[1]);
        Assert.Equal([third, SecondSecret], shredded.SecretIds.ToArray()); // the first was shredded already
        Assert.All(Apply(rotated, events).Secrets, s => Assert.NotNull(s.ShreddedAt));
    }

    [Fact]
    public void Pausing_stops_deliveries_resuming_restarts_them_and_neither_twice()
    {
        var paused = Apply(Subscription(), WebhookSubscription.DecidePause(Subscription(), null, "Jo", Now));
        Assert.Equal(SubscriptionStatus.Paused, paused.Status);
        Assert.False(paused.Wants(DecisionEvents.GrantAwardedType));
        Refused("subscription-already-paused", Refusal.Conflict, () => WebhookSubscription.DecidePause(paused, null, "Jo", Now));

        var resumed = Apply(paused, WebhookSubscription.DecideResume(paused, null, "Jo", Now));
        Assert.Equal(SubscriptionStatus.Active, resumed.Status);
        Assert.True(resumed.Wants(DecisionEvents.GrantAwardedType));
        Refused("subscription-already-active", Refusal.Conflict, () => WebhookSubscription.DecideResume(resumed, null, "Jo", Now));
    }

    [Fact]
    public void Resuming_re_enables_a_disabled_subscription_which_cannot_be_paused()
    {
        var disabled = Subscription().Apply(new SubscriptionDisabled(Guid.NewGuid(), "410 Gone", Now));
        Refused("subscription-disabled", Refusal.Conflict, () => WebhookSubscription.DecidePause(disabled, null, "Jo", Now));

        var resumed = Apply(disabled, WebhookSubscription.DecideResume(disabled, null, "Jo", Now));
        Assert.Equal((SubscriptionStatus.Active, (string?)null), (resumed.Status, resumed.DisabledReason));
    }

    [Fact]
    public void A_deleted_subscription_refuses_everything()
    {
        var deleted = Apply(Subscription(), WebhookSubscription.DecideDelete(Subscription(), null, "Jo", Now));
        Assert.Equal(SubscriptionStatus.Deleted, deleted.Status);
        Assert.False(deleted.Wants(DecisionEvents.GrantAwardedType));

        Refused("subscription-deleted", Refusal.Conflict, () => WebhookSubscription.DecidePause(deleted, null, "Jo", Now));
        Refused("subscription-deleted", Refusal.Conflict, () => WebhookSubscription.DecideResume(deleted, null, "Jo", Now));
        Refused("subscription-deleted", Refusal.Conflict, () => WebhookSubscription.DecideDelete(deleted, null, "Jo", Now));
        Refused("subscription-deleted", Refusal.Conflict, () => Rotate(deleted, SecondSecret, 24, Now));
    }

    [Fact]
    public void An_organisation_admin_of_another_organisation_may_do_nothing()
    {
        var subscription = Subscription();
        Refused("not-your-organisation", Refusal.Forbidden, () => WebhookSubscription.DecidePause(subscription, OtherOrganisation, "Jo", Now));
        Refused("not-your-organisation", Refusal.Forbidden, () => WebhookSubscription.DecideResume(subscription, OtherOrganisation, "Jo", Now));
        Refused("not-your-organisation", Refusal.Forbidden, () => WebhookSubscription.DecideDelete(subscription, OtherOrganisation, "Jo", Now));
        Refused("not-your-organisation", Refusal.Forbidden, () => Rotate(subscription, SecondSecret, 24, Now, OtherOrganisation));

        Assert.IsType<SubscriptionPaused>(Assert.Single(WebhookSubscription.DecidePause(subscription, Police.Id, "Jo", Now)));
    }

    [Fact]
    public void The_view_shows_when_secrets_were_made_and_expire_but_never_the_secrets()
    {
        var subscription = Apply(Subscription(), Rotate(Subscription(), SecondSecret, 24, Now));
        subscription = Apply(subscription, WebhookSubscription.DecideShredExpired(subscription, Now.AddHours(25)));
        var view = WebhookSubscriptionView.Of(subscription);

        Assert.Equal([new SigningSecretView(Now, null, null), new SigningSecretView(Now, Now.AddHours(24), Now.AddHours(25))], view.Secrets);
        var json = System.Text.Json.JsonSerializer.Serialize(view);
        Assert.DoesNotContain("sealed:", json);
    }
}
