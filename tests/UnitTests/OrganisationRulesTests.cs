using OrganisationKind = CommunitySafety.Contracts.Governance.OrganisationKind;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using System.Globalization;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The Kent and Medway Information Sharing Agreement: signing, withdrawing, signing again.</summary>
public sealed class OrganisationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly OrganisationRegistered Registered = new(Guid.NewGuid(), "Kent Police", OrganisationKind.ResponsibleAuthority, Now);

    /// <summary>The rules decide on the organisation (<see cref="History.Organisation"/>); what it shows is its <see cref="History.View"/>.</summary>
    private sealed record History(IReadOnlyList<object> Events)
    {
        public Organisation Organisation => Events.Aggregate((Organisation?)null, (o, e) => Organisation.Evolve(o, e))!;

        public OrganisationView View => Events.Aggregate((OrganisationView?)null, (v, e) => OrganisationView.Evolve(v, e))!;

        public History Then(object @event) => new([.. Events, @event]);

        public Guid Id => Organisation.Id;
    }

    private static readonly History Police = new([Registered]);

    /// <summary>Signing version "2026" (unless said), reviewed a year after signing, renewable 30 days before.</summary>
    private static IReadOnlyList<object> DecideSign(History organisation, DateOnly signedOn, string signedBy, string? version = "2026") =>
        Organisation.DecideSignIsa(organisation.Organisation, signedOn, signedBy, version, signedOn.AddMonths(12), 30, Today, Now);

    private static History Sign(History organisation, DateOnly signedOn, string signedBy = "Chief Constable") =>
        organisation.Then(Assert.IsType<IsaSigned>(Assert.Single(DecideSign(organisation, signedOn, signedBy))));

    private static History Withdraw(History organisation, string reason = "Reviewing our data protection") =>
        organisation.Then(Assert.IsType<IsaWithdrawn>(Assert.Single(Organisation.DecideWithdrawIsa(organisation.Organisation, reason, Now))));

    [Fact]
    public void A_registered_organisation_has_not_signed()
    {
        Assert.False(Police.Organisation.IsaSignatory);
        Assert.Null(Police.Organisation.IsaSignedOn);
        Assert.Null(Police.Organisation.IsaSignedBy);
        Assert.Equal((Registered.OrganisationId, "Kent Police", OrganisationKind.ResponsibleAuthority, Now, false),
            (Police.View.Id, Police.View.Name, Police.View.Kind, Police.View.RegisteredAt, Police.View.IsaSignatory));
        Assert.Empty(Police.View.IsaHistory);
    }

    [Fact]
    public void Signing_records_the_date_and_the_trimmed_signatory()
    {
        var signed = Assert.IsType<IsaSigned>(Assert.Single(
            DecideSign(Police, new DateOnly(2026, 11, 1), "  Jo Bloggs, Chief Constable ")));
        Assert.Equal(new IsaSigned(Police.Id, new DateOnly(2026, 11, 1), "Jo Bloggs, Chief Constable", Now, "2026", new DateOnly(2027, 11, 1)), signed);

        var organisation = Police.Then(signed);
        Assert.True(organisation.Organisation.IsaSignatory);
        Assert.Equal((new DateOnly(2026, 11, 1), "Jo Bloggs, Chief Constable"), (organisation.Organisation.IsaSignedOn, organisation.Organisation.IsaSignedBy));
        Assert.Equal((new DateOnly(2026, 11, 1), "Jo Bloggs, Chief Constable", "2026", new DateOnly(2027, 11, 1)),
            (organisation.View.IsaSignedOn, organisation.View.IsaSignedBy, organisation.View.IsaAgreementVersion, organisation.View.IsaReviewOn));
        Assert.Equal(new IsaEntry(IsaAction.Signed, Now, new DateOnly(2026, 11, 1), "Jo Bloggs, Chief Constable", AgreementVersion: "2026",
                ReviewOn: new DateOnly(2027, 11, 1)),
            Assert.Single(organisation.View.IsaHistory));
        Assert.Empty(Police.View.IsaHistory); // the original is unchanged
    }

    [Fact]
    public void Signing_today_is_allowed_but_not_tomorrow()
    {
        Assert.Equal(Today, Sign(Police, Today).Organisation.IsaSignedOn);

        var refused = Assert.Throws<DomainRuleViolation>(() =>
            DecideSign(Police, Today.AddDays(1), "Chief Constable"));
        Assert.Equal(("isa-signed-in-future", Refusal.Inconsistent), (refused.Rule, refused.Kind));
        Assert.Equal(Today, refused.Facts["today"]);
    }

    [Fact]
    public void An_organisation_that_has_signed_cannot_sign_again()
    {
        var organisation = Sign(Police, new DateOnly(2026, 10, 5), "Jo Bloggs");

        var refused = Assert.Throws<DomainRuleViolation>(() =>
            DecideSign(organisation, new DateOnly(2026, 11, 1), "Sam Smith"));
        Assert.Equal(("isa-already-signed", Refusal.Conflict), (refused.Rule, refused.Kind));
        Assert.Equal(new DateOnly(2026, 10, 5), refused.Facts["signedOn"]);
        Assert.Equal("Jo Bloggs", refused.Facts["signedBy"]);
    }

    [Fact]
    public void A_future_date_is_refused_as_such_even_when_already_signed()
    {
        var organisation = Sign(Police, new DateOnly(2026, 10, 5));
        Assert.Equal("isa-signed-in-future", Assert.Throws<DomainRuleViolation>(() =>
            DecideSign(organisation, Today.AddDays(7), "Sam Smith")).Rule);
    }

    [Fact]
    public void Withdrawing_ends_the_signature_and_keeps_it_in_the_history()
    {
        var organisation = Sign(Police, new DateOnly(2026, 10, 5), "Jo Bloggs");

        var withdrawn = Assert.IsType<IsaWithdrawn>(Assert.Single(Organisation.DecideWithdrawIsa(organisation.Organisation, "  Merging with Kent Fire ", Now)));
        Assert.Equal(new IsaWithdrawn(Police.Id, "Merging with Kent Fire", Now), withdrawn);

        organisation = organisation.Then(withdrawn);
        Assert.False(organisation.Organisation.IsaSignatory);
        Assert.Equal((null, null), (organisation.Organisation.IsaSignedOn, organisation.Organisation.IsaSignedBy));
        Assert.Equal((null, null, false), (organisation.View.IsaSignedOn, organisation.View.IsaSignedBy, organisation.View.IsaSignatory));
        Assert.Equal([IsaAction.Signed, IsaAction.Withdrawn], organisation.View.IsaHistory.Select(e => e.Action));
        Assert.Equal(new IsaEntry(IsaAction.Withdrawn, Now, Reason: "Merging with Kent Fire"), organisation.View.IsaHistory[1]);
    }

    [Fact]
    public void Only_a_signatory_can_withdraw()
    {
        var never = Assert.Throws<DomainRuleViolation>(() => Organisation.DecideWithdrawIsa(Police.Organisation, "No longer needed", Now));
        Assert.Equal(("isa-not-signed", Refusal.Conflict), (never.Rule, never.Kind));

        var withdrawn = Withdraw(Sign(Police, new DateOnly(2026, 10, 5)));
        Assert.Equal("isa-not-signed", Assert.Throws<DomainRuleViolation>(() =>
            Organisation.DecideWithdrawIsa(withdrawn.Organisation, "Again", Now)).Rule);
    }

    [Fact]
    public void An_organisation_may_sign_again_after_withdrawing()
    {
        var organisation = Sign(Withdraw(Sign(Police, new DateOnly(2026, 1, 10), "Jo Bloggs")), new DateOnly(2026, 11, 20), "Sam Smith");

        Assert.True(organisation.Organisation.IsaSignatory);
        Assert.Equal((new DateOnly(2026, 11, 20), "Sam Smith"), (organisation.Organisation.IsaSignedOn, organisation.Organisation.IsaSignedBy));
        Assert.Equal([IsaAction.Signed, IsaAction.Withdrawn, IsaAction.Signed], organisation.View.IsaHistory.Select(e => e.Action));
        Assert.Equal("Jo Bloggs", organisation.View.IsaHistory[0].SignedBy);
    }

    [Theory]
    [InlineData("2026-01-15T23:30:00+00:00", "2026-01-15")] // winter: Kent keeps UTC
    [InlineData("2026-07-01T23:30:00+00:00", "2026-07-02")] // summer: British Summer Time, already tomorrow in Kent
    [InlineData("2026-07-01T22:59:59+00:00", "2026-07-01")]
    public void The_partnership_calendar_is_the_date_in_Kent(string now, string today)
    {
        Assert.Equal(DateOnly.Parse(today, CultureInfo.InvariantCulture), PartnershipCalendar.Today(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_document_stored_before_the_agreement_existed_still_loads_as_not_signed()
    {
        // Marten's serializer as the service configures it (System.Text.Json, enums as strings), and a stored
        // Organisation of the shape it had before the ISA properties were added.
        var serializer = new Marten.Services.SystemTextJsonSerializer { EnumStorage = Weasel.Core.EnumStorage.AsString };
        var stored = serializer.ToJson(new { Id = Registered.OrganisationId, Registered.Name, Registered.Kind, Registered.RegisteredAt, Version = 1L });
        Assert.DoesNotContain("Isa", stored, StringComparison.OrdinalIgnoreCase);

        var loaded = serializer.FromJson<Organisation>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored)));
        var view = serializer.FromJson<OrganisationView>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored)));

        Assert.Equal((Police.Id, "Kent Police", OrganisationKind.ResponsibleAuthority, 1L), (loaded.Id, loaded.Name, loaded.Kind, loaded.Version));
        Assert.False(loaded.IsaSignatory);
        Assert.Null(loaded.IsaSignedBy);
        Assert.NotNull(loaded.IsaReviewReminders);
        Assert.Equal((Police.Id, Now, 1L, false), (view.Id, view.RegisteredAt, view.Version, view.IsaSignatory));
        Assert.NotNull(view.IsaHistory);
        Assert.Empty(view.IsaHistory);
        Assert.True(Organisation.Evolve(loaded, Assert.Single(Organisation.DecideSignIsa(loaded, new DateOnly(2026, 1, 1), "Chief Constable", "2026",
            new DateOnly(2027, 1, 1), 30, Today, Now))).IsaSignatory);
    }

    [Fact]
    public void A_signature_is_renewed_when_its_review_is_near_or_for_another_version_of_the_agreement()
    {
        var signed = Sign(Police, new DateOnly(2025, 12, 1)); // review due 2026-12-01: 8 days after Today, inside the 30-day window
        var renewed = Assert.IsType<IsaSigned>(Assert.Single(DecideSign(signed, Today, "New Chief Constable")));
        Assert.Equal(new DateOnly(2027, 11, 23), renewed.ReviewOn);

        var recent = Sign(Police, new DateOnly(2026, 10, 5)); // review due 2027-10-05: far off
        Assert.Equal("isa-already-signed", Assert.Throws<DomainRuleViolation>(() => DecideSign(recent, Today, "Sam Smith")).Rule);
        Assert.Equal("2027", Assert.IsType<IsaSigned>(Assert.Single(DecideSign(recent, Today, "Sam Smith", "2027"))).AgreementVersion);

        Assert.Equal("isa-review-before-signature", Assert.Throws<DomainRuleViolation>(() =>
            Organisation.DecideSignIsa(Police.Organisation, Today, "Sam Smith", null, Today, 30, Today, Now)).Rule);
    }

    [Fact]
    public void The_review_reminder_is_raised_once_for_the_standing_signature_only()
    {
        var signed = Sign(Police, new DateOnly(2025, 12, 1));
        var reviewOn = new DateOnly(2026, 12, 1);
        var reminder = Assert.IsType<IsaReviewReminderRaised>(Assert.Single(Organisation.DecideReviewReminder(signed.Organisation, reviewOn, Now)));
        var reminded = signed.Then(reminder);
        Assert.Equal([reviewOn], reminded.View.IsaReviewReminders);
        Assert.Empty(Organisation.DecideReviewReminder(reminded.Organisation, reviewOn, Now)); // once
        Assert.Empty(Organisation.DecideReviewReminder(signed.Organisation, reviewOn.AddDays(1), Now)); // a review date that is not the signature's
        Assert.Empty(Organisation.DecideReviewReminder(Withdraw(signed).Organisation, reviewOn, Now)); // withdrawn since
        var renewed = signed.Then(Assert.IsType<IsaSigned>(Assert.Single(DecideSign(signed, Today, "New Chief Constable"))));
        Assert.Empty(Organisation.DecideReviewReminder(renewed.Organisation, reviewOn, Now)); // renewed since
    }

    [Fact]
    public void A_signature_is_current_until_its_review_date_passes()
    {
        var signed = Sign(Police, new DateOnly(2025, 12, 1));
        Assert.True(signed.View.IsaCurrentOn(new DateOnly(2026, 12, 1)));
        Assert.False(signed.View.IsaCurrentOn(new DateOnly(2026, 12, 2)));
        Assert.False(Police.View.IsaCurrentOn(Today));
        Assert.False(Withdraw(signed).View.IsaCurrentOn(Today));
    }
}
