extern alias casemanagement;
using casemanagement::CommunitySafety.CaseManagement.Cases;
using casemanagement::CommunitySafety.CaseManagement.PersonalData;
using casemanagement::CommunitySafety.CaseManagement.Signatories;
using System.Security.Cryptography;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class CaseRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static IsaSignatory Signatory(Guid id, DateTimeOffset? signed, DateTimeOffset? withdrawn) =>
        new() { Id = id, SignedRecordedAt = signed, WithdrawnRecordedAt = withdrawn };

    public static TheoryData<string, bool, DateTimeOffset?, DateTimeOffset?, AccessLevel> AccessCases => new()
    {
        { "a current signatory sees everything", true, T0, null, AccessLevel.Full },
        { "never signed: signpost only", true, null, null, AccessLevel.SignpostOnly },
        { "withdrawn after signing: signpost only", true, T0, T0.AddDays(1), AccessLevel.SignpostOnly },
        { "signed again after withdrawing: full", true, T0.AddDays(2), T0.AddDays(1), AccessLevel.Full },
        { "a user with no organisation: signpost only", false, T0, null, AccessLevel.SignpostOnly },
    };

    [Theory]
    [MemberData(nameof(AccessCases))]
    public void Only_users_of_current_ISA_signatories_see_case_details(string name, bool hasOrganisation, DateTimeOffset? signed,
        DateTimeOffset? withdrawn, AccessLevel expected)
    {
        var org = Guid.NewGuid();
        Assert.True(expected == CaseAccess.Decide(hasOrganisation ? org : null, Signatory(org, signed, withdrawn)), name);
    }

    [Fact]
    public void Another_organisations_signature_does_not_count_and_an_unknown_organisation_is_signpost_only()
    {
        Assert.Equal(AccessLevel.SignpostOnly, CaseAccess.Decide(Guid.NewGuid(), Signatory(Guid.NewGuid(), T0, null)));
        Assert.Equal(AccessLevel.SignpostOnly, CaseAccess.Decide(Guid.NewGuid(), null));
    }

    [Fact]
    public void Sealed_details_open_only_with_the_subjects_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var details = new PersonalDetails("Jordan Example", new DateOnly(2004, 5, 6), "12 High Street", "07700 900123");
        var sealedDetails = PersonalDataVault.Seal(key, details);

        Assert.DoesNotContain("Jordan", sealedDetails.Ciphertext);
        Assert.Equal(details, PersonalDataVault.Unseal(key, sealedDetails));
        Assert.Null(PersonalDataVault.Unseal(null, sealedDetails)); // erased: the key is gone
        Assert.ThrowsAny<CryptographicException>(() => PersonalDataVault.Unseal(RandomNumberGenerator.GetBytes(32), sealedDetails));
        Assert.NotEqual(sealedDetails, PersonalDataVault.Seal(key, details)); // a fresh nonce every time
    }

    [Fact]
    public void A_subject_is_erased_once_and_only_a_subject_of_the_case()
    {
        var subject = new Subject(Guid.NewGuid(), SubjectRole.Perpetrator, new SealedDetails("x"));
        var file = CaseFile.Create(new CaseReferred(Guid.NewGuid(), "ASB-2026-ABCDEF", Guid.NewGuid(), "PC", Area.East, [], [subject], [], T0));

        var erased = Assert.IsType<SubjectErased>(Assert.Single(CaseFile.DecideErase(file, subject.SubjectId, "request", T0)));
        Assert.Equal(new SubjectErased(file.Id, subject.SubjectId, "request", T0), erased);
        Assert.Equal("subject-already-erased", Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideErase(file.Apply(erased), subject.SubjectId, "again", T0)).Rule);
        var missing = Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideErase(file, Guid.NewGuid(), "request", T0));
        Assert.Equal(("subject-not-found", 404), (missing.Rule, missing.StatusCode));
    }

    [Fact]
    public void A_case_closes_with_an_outcome_reopens_and_keeps_its_history()
    {
        var file = CaseFile.Create(new CaseReferred(Guid.NewGuid(), "ASB-2026-ABCDEF", Guid.NewGuid(), "PC", Area.West, [], [], [], T0));
        Assert.Equal("case-open", Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideReopen(file, "why", "me", T0)).Rule);

        var closed = CaseFile.DecideClose(file, CaseOutcome.Resolved, "Behaviour stopped", "Chair", T0);
        file = file.Apply(closed);
        Assert.Equal(CaseStatus.Closed, file.Status);
        Assert.Equal("case-closed", Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideClose(file, CaseOutcome.Resolved, "again", "Chair", T0)).Rule);
        Assert.Equal("case-closed", Assert.Throws<DomainRuleViolation>(() => file.EnsureOpen()).Rule);

        file = file.Apply(Assert.IsType<CaseReopened>(Assert.Single(CaseFile.DecideReopen(file, "New incidents", "Worker", T0.AddDays(3)))));
        Assert.Equal(CaseStatus.Open, file.Status);
        Assert.Equal(
            [new StatusChange(CaseStatus.Closed, CaseOutcome.Resolved, "Behaviour stopped", "Chair", T0),
             new StatusChange(CaseStatus.Open, null, "New incidents", "Worker", T0.AddDays(3))],
            file.StatusHistory);
    }

    [Fact]
    public void The_referring_agency_is_involved_and_each_agency_is_listed_once()
    {
        var referrer = Guid.NewGuid();
        var other = Guid.NewGuid();
        var file = CaseFile.Create(new CaseReferred(Guid.NewGuid(), "ASB-2026-ABCDEF", referrer, "PC", Area.West, [], [], [], T0));
        Assert.Equal([referrer], file.Agencies);
        Assert.Equal([referrer, other], file.WithAgency(other).WithAgency(referrer).WithAgency(other).Agencies);
    }

    [Fact]
    public void Subject_keys_are_stored_wrapped_with_the_key_encryption_key_and_only_that_key_unwraps_them()
    {
        var vault = new PersonalDataVault(RandomNumberGenerator.GetBytes(32));
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = vault.Wrap(dataKey);

        Assert.Equal(dataKey, vault.Unwrap(wrapped));
        Assert.False(wrapped.AsSpan().IndexOf(dataKey) >= 0, "the stored form must not contain the data key");
        Assert.ThrowsAny<CryptographicException>(() => new PersonalDataVault(RandomNumberGenerator.GetBytes(32)).Unwrap(wrapped));
    }
}
