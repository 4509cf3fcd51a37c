using OrganisationKind = CommunitySafety.Contracts.Governance.OrganisationKind;
using CommunitySafety.Governance.Organisations;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The Kent and Medway Information Sharing Agreement: signing, withdrawing, signing again.</summary>
public sealed class OrganisationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Organisation Police =
        Organisation.Create(new OrganisationRegistered(Guid.NewGuid(), "Kent Police", OrganisationKind.ResponsibleAuthority, Now));

    private static Organisation Sign(Organisation organisation, DateOnly signedOn, string signedBy = "Chief Constable") =>
        organisation.Apply(Assert.IsType<IsaSigned>(Assert.Single(Organisation.DecideSignIsa(organisation, signedOn, signedBy, Today, Now))));

    private static Organisation Withdraw(Organisation organisation, string reason = "Reviewing our data protection") =>
        organisation.Apply(Assert.IsType<IsaWithdrawn>(Assert.Single(Organisation.DecideWithdrawIsa(organisation, reason, Now))));

    [Fact]
    public void A_registered_organisation_has_not_signed()
    {
        Assert.False(Police.IsaSignatory);
        Assert.Null(Police.IsaSignedOn);
        Assert.Null(Police.IsaSignedBy);
        Assert.Empty(Police.IsaHistory);
    }

    [Fact]
    public void Signing_records_the_date_and_the_trimmed_signatory()
    {
        var signed = Assert.IsType<IsaSigned>(Assert.Single(
            Organisation.DecideSignIsa(Police, new DateOnly(2026, 11, 1), "  Jo Bloggs, Chief Constable ", Today, Now)));
        Assert.Equal(new IsaSigned(Police.Id, new DateOnly(2026, 11, 1), "Jo Bloggs, Chief Constable", Now), signed);

        var organisation = Police.Apply(signed);
        Assert.True(organisation.IsaSignatory);
        Assert.Equal((new DateOnly(2026, 11, 1), "Jo Bloggs, Chief Constable"), (organisation.IsaSignedOn, organisation.IsaSignedBy));
        Assert.Equal(new IsaEntry(IsaAction.Signed, Now, new DateOnly(2026, 11, 1), "Jo Bloggs, Chief Constable"),
            Assert.Single(organisation.IsaHistory));
        Assert.Empty(Police.IsaHistory); // the original is unchanged
    }

    [Fact]
    public void Signing_today_is_allowed_but_not_tomorrow()
    {
        Assert.Equal(Today, Sign(Police, Today).IsaSignedOn);

        var refused = Assert.Throws<DomainRuleViolation>(() =>
            Organisation.DecideSignIsa(Police, Today.AddDays(1), "Chief Constable", Today, Now));
        Assert.Equal(("isa-signed-in-future", 422), (refused.Rule, refused.StatusCode));
        Assert.Equal(Today, refused.Facts["today"]);
    }

    [Fact]
    public void An_organisation_that_has_signed_cannot_sign_again()
    {
        var organisation = Sign(Police, new DateOnly(2026, 10, 5), "Jo Bloggs");

        var refused = Assert.Throws<DomainRuleViolation>(() =>
            Organisation.DecideSignIsa(organisation, new DateOnly(2026, 11, 1), "Sam Smith", Today, Now));
        Assert.Equal(("isa-already-signed", 409), (refused.Rule, refused.StatusCode));
        Assert.Equal(new DateOnly(2026, 10, 5), refused.Facts["signedOn"]);
        Assert.Equal("Jo Bloggs", refused.Facts["signedBy"]);
    }

    [Fact]
    public void A_future_date_is_refused_as_such_even_when_already_signed()
    {
        var organisation = Sign(Police, new DateOnly(2026, 10, 5));
        Assert.Equal("isa-signed-in-future", Assert.Throws<DomainRuleViolation>(() =>
            Organisation.DecideSignIsa(organisation, Today.AddDays(7), "Sam Smith", Today, Now)).Rule);
    }

    [Fact]
    public void Withdrawing_ends_the_signature_and_keeps_it_in_the_history()
    {
        var organisation = Sign(Police, new DateOnly(2026, 10, 5), "Jo Bloggs");

        var withdrawn = Assert.IsType<IsaWithdrawn>(Assert.Single(Organisation.DecideWithdrawIsa(organisation, "  Merging with Kent Fire ", Now)));
        Assert.Equal(new IsaWithdrawn(Police.Id, "Merging with Kent Fire", Now), withdrawn);

        organisation = organisation.Apply(withdrawn);
        Assert.False(organisation.IsaSignatory);
        Assert.Equal((null, null), (organisation.IsaSignedOn, organisation.IsaSignedBy));
        Assert.Equal([IsaAction.Signed, IsaAction.Withdrawn], organisation.IsaHistory.Select(e => e.Action));
        Assert.Equal(new IsaEntry(IsaAction.Withdrawn, Now, Reason: "Merging with Kent Fire"), organisation.IsaHistory[1]);
    }

    [Fact]
    public void Only_a_signatory_can_withdraw()
    {
        var never = Assert.Throws<DomainRuleViolation>(() => Organisation.DecideWithdrawIsa(Police, "No longer needed", Now));
        Assert.Equal(("isa-not-signed", 409), (never.Rule, never.StatusCode));

        var withdrawn = Withdraw(Sign(Police, new DateOnly(2026, 10, 5)));
        Assert.Equal("isa-not-signed", Assert.Throws<DomainRuleViolation>(() =>
            Organisation.DecideWithdrawIsa(withdrawn, "Again", Now)).Rule);
    }

    [Fact]
    public void An_organisation_may_sign_again_after_withdrawing()
    {
        var organisation = Sign(Withdraw(Sign(Police, new DateOnly(2026, 1, 10), "Jo Bloggs")), new DateOnly(2026, 11, 20), "Sam Smith");

        Assert.True(organisation.IsaSignatory);
        Assert.Equal((new DateOnly(2026, 11, 20), "Sam Smith"), (organisation.IsaSignedOn, organisation.IsaSignedBy));
        Assert.Equal([IsaAction.Signed, IsaAction.Withdrawn, IsaAction.Signed], organisation.IsaHistory.Select(e => e.Action));
        Assert.Equal("Jo Bloggs", organisation.IsaHistory[0].SignedBy);
    }

    [Theory]
    [InlineData("2026-01-15T23:30:00+00:00", "2026-01-15")] // winter: Kent keeps UTC
    [InlineData("2026-07-01T23:30:00+00:00", "2026-07-02")] // summer: British Summer Time, already tomorrow in Kent
    [InlineData("2026-07-01T22:59:59+00:00", "2026-07-01")]
    public void The_partnership_calendar_is_the_date_in_Kent(string now, string today)
    {
        Assert.Equal(DateOnly.Parse(today), PartnershipCalendar.Today(DateTimeOffset.Parse(now)));
    }

    [Fact]
    public void A_document_stored_before_the_agreement_existed_still_loads_as_not_signed()
    {
        // Marten's serializer as the service configures it (System.Text.Json, enums as strings), and a stored
        // Organisation of the shape it had before the ISA properties were added.
        var serializer = new Marten.Services.SystemTextJsonSerializer { EnumStorage = Weasel.Core.EnumStorage.AsString };
        var stored = serializer.ToJson(new { Police.Id, Police.Name, Police.Kind, Police.RegisteredAt, Version = 1L });
        Assert.DoesNotContain("Isa", stored, StringComparison.OrdinalIgnoreCase);

        var loaded = serializer.FromJson<Organisation>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored)));

        Assert.Equal((Police.Id, "Kent Police", OrganisationKind.ResponsibleAuthority, 1L), (loaded.Id, loaded.Name, loaded.Kind, loaded.Version));
        Assert.False(loaded.IsaSignatory);
        Assert.Null(loaded.IsaSignedBy);
        Assert.NotNull(loaded.IsaHistory);
        Assert.Empty(loaded.IsaHistory);
        Assert.True(Sign(loaded, new DateOnly(2026, 1, 1)).IsaSignatory);
    }
}
