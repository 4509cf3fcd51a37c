using System.Security.Cryptography;
using System.Text.Json;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Interventions;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Signatories;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.ServiceDefaults.DataProtection;
using Xunit;
using static CommunitySafety.UnitTests.CaseTestData;

namespace CommunitySafety.UnitTests;

public sealed class CaseRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static IsaSignatory Signatory(Guid id, DateTimeOffset? signed, DateTimeOffset? withdrawn, DateOnly? reviewOn = null) =>
        new() { Id = id, SignedRecordedAt = signed, WithdrawnRecordedAt = withdrawn, ReviewOn = reviewOn };

    public static TheoryData<string, bool, DateTimeOffset?, DateTimeOffset?, DateOnly?, AccessLevel> AccessCases => new()
    {
        { "a current signatory sees everything", true, T0, null, null, AccessLevel.Full },
        { "never signed: signpost only", true, null, null, null, AccessLevel.SignpostOnly },
        { "withdrawn after signing: signpost only", true, T0, T0.AddDays(1), null, AccessLevel.SignpostOnly },
        { "signed again after withdrawing: full", true, T0.AddDays(2), T0.AddDays(1), null, AccessLevel.Full },
        { "a user with no organisation: signpost only", false, T0, null, null, AccessLevel.SignpostOnly },
        { "review date ahead: full", true, T0, null, Today.AddDays(30), AccessLevel.Full },
        { "the review day itself still counts: full", true, T0, null, Today, AccessLevel.Full },
        { "past its review date: signpost only", true, T0, null, Today.AddDays(-1), AccessLevel.SignpostOnly },
        { "past review and withdrawn: signpost only", true, T0, T0.AddDays(1), Today.AddDays(-1), AccessLevel.SignpostOnly },
    };

    [Theory]
    [MemberData(nameof(AccessCases))]
    public void Only_users_of_current_ISA_signatories_see_case_details(string name, bool hasOrganisation, DateTimeOffset? signed,
        DateTimeOffset? withdrawn, DateOnly? reviewOn, AccessLevel expected)
    {
        var org = Guid.NewGuid();
        Assert.True(expected == CaseAccess.Decide(hasOrganisation ? org : null, Signatory(org, signed, withdrawn, reviewOn), Today), name);
    }

    [Fact]
    public void A_renewal_after_the_review_date_makes_the_signature_current_again()
    {
        var org = Guid.NewGuid();
        var lapsed = Signatory(org, T0.AddYears(-1), null, Today.AddDays(-10));
        Assert.Equal(AccessLevel.SignpostOnly, CaseAccess.Decide(org, lapsed, Today));
        // what GovernanceEventsHandler keeps from a later IsaSigned: its recording time and review date
        lapsed.SignedRecordedAt = T0;
        lapsed.ReviewOn = Today.AddYears(1);
        Assert.Equal(AccessLevel.Full, CaseAccess.Decide(org, lapsed, Today));
    }

    [Fact]
    public void Another_organisations_signature_does_not_count_and_an_unknown_organisation_is_signpost_only()
    {
        Assert.Equal(AccessLevel.SignpostOnly, CaseAccess.Decide(Guid.NewGuid(), Signatory(Guid.NewGuid(), T0, null), Today));
        Assert.Equal(AccessLevel.SignpostOnly, CaseAccess.Decide(Guid.NewGuid(), null, Today));
    }

    public static TheoryData<bool, bool, AccessLevel, string?> AdministrationCases => new()
    {
        // partnership-admin?, organisation?, access → refusal (null: allowed)
        { true, true, AccessLevel.Full, null },
        { true, true, AccessLevel.SignpostOnly, "isa-not-signed" },   // a non-signatory's (or lapsed, or withdrawn) admin
        { true, false, AccessLevel.SignpostOnly, "no-organisation" },
        { false, true, AccessLevel.Full, "not-partnership-admin" },   // a signatory's case worker
        { false, true, AccessLevel.SignpostOnly, "not-partnership-admin" },
    };

    [Theory]
    [MemberData(nameof(AdministrationCases))]
    public void Only_a_partnership_admin_of_a_current_signatory_may_erase_and_read_the_audit(bool admin, bool hasOrganisation, AccessLevel access,
        string? refusal)
    {
        var refused = CaseAccess.RefuseAdministration(admin, hasOrganisation ? Guid.NewGuid() : null, access);
        Assert.Equal(refusal, refused?.Rule);
        if (refused is not null) Assert.Equal(Refusal.Forbidden, refused.Kind);
    }

    [Fact]
    public void Sealed_details_open_only_with_the_subjects_key()
    {
        var key = Aead.NewKey();
        var details = new PersonalDetails("Jordan Example", new DateOnly(2004, 5, 6), "12 High Street", "07700 900123");
        var sealedDetails = details.Seal(key);

        Assert.DoesNotContain("Jordan", sealedDetails.Ciphertext);
        Assert.Equal(details, PersonalDetails.Open(key, sealedDetails));
        Assert.Null(PersonalDetails.Open(null, sealedDetails)); // erased: the key is gone
        Assert.ThrowsAny<CryptographicException>(() => PersonalDetails.Open(Aead.NewKey(), sealedDetails));
        Assert.NotEqual(sealedDetails, details.Seal(key)); // a fresh nonce every time
    }

    [Fact]
    public void A_case_text_seals_and_opens_under_its_key_and_once_erased_neither()
    {
        var text = NewText();
        var sealedText = text.Seal("Repeated intimidation of shop staff");
        Assert.DoesNotContain("intimidation", sealedText.Ciphertext);
        Assert.Equal("(sealed)", sealedText.ToString());
        Assert.Equal("Repeated intimidation of shop staff", text.Open(sealedText));
        Assert.ThrowsAny<CryptographicException>(() => NewText().Open(sealedText));

        var erased = new CaseText(text.KeyId, null);
        Assert.True(erased.IsErased);
        Assert.Null(erased.Open(sealedText));
        Assert.Equal("case-erased", Assert.Throws<DomainRuleViolation>(() => erased.Seal("more")).Rule);
        // stored as a plain JSON string
        Assert.Equal(sealedText.Ciphertext, JsonDocument.Parse(JsonSerializer.Serialize(sealedText)).RootElement.GetString());
        Assert.Equal(sealedText, JsonSerializer.Deserialize<SealedText>(JsonSerializer.Serialize(sealedText)));
    }

    private static readonly Eraser Admin = new("admin-1", "Ada Admin", Guid.NewGuid());

    /// <summary>A case with every kind of free text, each mentioning the perpetrator, sealed under <paramref name="text"/>.</summary>
    private static (CaseFile File, CaseFileView View, Subject Perpetrator, Subject Victim) FullCase(CaseText text)
    {
        var perpetrator = new Subject(Guid.NewGuid(), SubjectRole.Perpetrator, new SealedDetails("p"));
        var victim = new Subject(Guid.NewGuid(), SubjectRole.Victim, new SealedDetails("v"));
        var id = Guid.NewGuid();
        var referred = new CaseReferred(id, "ASB-2026-FULL01", Guid.NewGuid(), text.Seal("PC 12 for Sam Victim"), Area.East,
            [new Incident(new DateOnly(2026, 11, 1), text.Seal("Outside 1 Forget Me Road"), text.Seal("Jordan Example shouted at Sam Victim"))],
            [perpetrator, victim], [text.Seal("1 Forget Me Road, Margate"), text.Seal("High Street car park")], text.KeyId, T0);
        var action = Guid.NewGuid();
        var intervention = Guid.NewGuid();
        object[] events =
        [
            new CaseClosed(id, CaseOutcome.Resolved, text.Seal("Jordan moved away"), "Chair", T0),
            new CaseReopened(id, text.Seal("Jordan is back at 1 Forget Me Road"), "Worker", T0),
            new CaseLinked(id, Guid.NewGuid(), "ASB-2026-OTHER1", text.Seal("Same family as Jordan Example"), "Worker", T0),
            new CaseMergedIn(id, Guid.NewGuid(), "ASB-2026-DUP001", [], [], [], [], text.Seal("Jordan referred twice"), "Chair", T0),
            new CaseReviewed(id, Guid.NewGuid(), Today, [Guid.NewGuid()], text.Seal("Jordan (born 6 May 2004) continues"),
                [text.Seal("CPW to Jordan Example"), text.Seal("Support for Sam Victim")], Today.AddMonths(1), "Chair", T0),
            new ActionAgreed(id, action, Guid.NewGuid(), text.Seal("Visit Jordan on 07700 900123"), Today, null, "Chair", T0),
            new ActionStatusChanged(id, action, ActionStatus.InProgress, text.Seal("Called 07700900123, Jordan out"), "Worker", T0),
            new InterventionRecorded(id, intervention, perpetrator.SubjectId, InterventionKind.CommunityProtectionWarning, Today, Guid.NewGuid(),
                text.Seal("Jordan Example warned"), "Worker", T0),
            new InterventionBreached(id, intervention, Today, text.Seal("Jordan at the precinct again"), "Worker", T0),
        ];
        return (Fold(CaseFile.Create(referred), events), View([referred, .. events]), perpetrator, victim);
    }

    [Fact]
    public void Every_free_text_of_a_case_is_among_its_texts_so_a_new_key_reseals_all_of_it()
    {
        var text = NewText();
        var (file, view, perpetrator, _) = FullCase(text);
        var json = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var before = JsonSerializer.Serialize(view, json);
        var sealedValues = new List<SealedText>();
        view.Texts.Map(t => { sealedValues.Add(t); return t; });
        Assert.Equal(16, sealedValues.Count);

        var resealed = view.WithTexts(Guid.NewGuid(), view.Texts.Map(_ => S("RESEALED")));
        var after = JsonSerializer.Serialize(resealed, json);
        // no ciphertext of the old key is left anywhere in the view: nothing was missed
        Assert.All(sealedValues, v => Assert.Contains(v.Ciphertext, before));
        Assert.All(sealedValues, v => Assert.DoesNotContain(v.Ciphertext, after));

        // nor in the case, whose own sealed texts (incidents, locations) are among them and taken from the erasure's
        var fileBefore = JsonSerializer.Serialize(file, json);
        Assert.Contains(sealedValues, v => fileBefore.Contains(v.Ciphertext, StringComparison.Ordinal));
        var erased = new SubjectErased(file.Id, perpetrator.SubjectId, S("RESEALED"), Admin, Guid.NewGuid(), view.Texts.Map(_ => S("RESEALED")), T0);
        var fileAfter = JsonSerializer.Serialize(file.Apply(erased), json);
        Assert.All(sealedValues, v => Assert.DoesNotContain(v.Ciphertext, fileAfter));
    }

    [Fact]
    public void Erasing_a_subject_redacts_every_mention_of_them_reseals_the_whole_text_under_the_new_key_and_records_who_and_why()
    {
        var current = NewText();
        var next = NewText();
        var (file, view, perpetrator, victim) = FullCase(current);
        var details = new PersonalDetails("Jordan Example", new DateOnly(2004, 5, 6), "1 Forget Me Road, Margate CT9 1AA", "07700 900123");

        var erased = CaseFile.DecideErase(file, view.Texts, perpetrator.SubjectId, details, current, next, "Jordan Example asked for erasure", Admin, T0);

        Assert.Equal((file.Id, perpetrator.SubjectId, next.KeyId, Admin, T0), (erased.CaseId, erased.SubjectId, erased.TextKey, erased.By, erased.ErasedAt));
        var after = file.Apply(erased);
        var afterView = view.Apply(erased);
        Assert.Equal(next.KeyId, after.TextKey);
        Assert.Equal([perpetrator.SubjectId], after.ErasedSubjects);
        Assert.Equal(next.KeyId, afterView.TextKey);
        Assert.Equal([perpetrator.SubjectId], afterView.ErasedSubjects);
        var opened = new List<string>();
        afterView.Texts.Map(t => { opened.Add(next.Open(t)!); return t; }); // everything opens under the new key
        Assert.All(opened, t => Assert.DoesNotContain("Jordan", t));
        Assert.All(opened, t => Assert.DoesNotContain("Forget Me", t));
        Assert.All(opened, t => Assert.DoesNotContain("900123", t));
        Assert.All(opened, t => Assert.DoesNotContain("May 2004", t));
        Assert.Contains("[erased] shouted at Sam Victim", opened);        // the others are still named
        Assert.Contains("High Street car park", opened);                   // what does not mention them is kept
        Assert.Contains("[erased], Margate", opened);                      // the location that was their address
        Assert.Contains("[erased] asked for erasure", opened);             // the erasure's own reason
        Assert.ThrowsAny<CryptographicException>(() => current.Open(after.Incidents[0].Description));
        Assert.Equal("[erased] shouted at Sam Victim", next.Open(after.Incidents[0].Description)); // the case's own copy too
        Assert.Equal(["[erased], Margate", "High Street car park"], after.Locations.Select(next.Open));
        var erasure = Assert.Single(afterView.Erasures);
        Assert.Equal((perpetrator.SubjectId, Admin, T0), (erasure.SubjectId, erasure.By, erasure.At));

        Assert.Equal("subject-already-erased", Assert.Throws<DomainRuleViolation>(() =>
            CaseFile.DecideErase(after, afterView.Texts, perpetrator.SubjectId, details, next, NewText(), "again", Admin, T0)).Rule);
        var missing = Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideErase(file, view.Texts, Guid.NewGuid(), details, current, next, "x", Admin, T0));
        Assert.Equal(("subject-not-found", Refusal.NotFound), (missing.Rule, missing.Kind));
        // the victim can be erased next, under a third key
        var third = NewText();
        var second = CaseFile.DecideErase(after, afterView.Texts, victim.SubjectId, new PersonalDetails("Sam Victim", null, null, null), next, third, "request",
            Admin, T0);
        Assert.Equal("[erased] shouted at [erased]", third.Open(after.Apply(second).Incidents[0].Description));
        Assert.Equal("[erased] shouted at [erased]", third.Open(afterView.Apply(second).Incidents[0].Description));
    }

    [Fact]
    public void A_merged_duplicates_text_is_resealed_and_redacted_when_a_subject_is_erased_on_the_survivor()
    {
        var current = NewText();
        var next = NewText();
        var (duplicate, view, perpetrator, _) = FullCase(current);
        var details = new PersonalDetails("Jordan Example", null, null, null);

        var resealed = CaseFile.DecideReseal(duplicate, view.Texts, perpetrator.SubjectId, details, current, next, Guid.NewGuid(), T0);
        var after = duplicate.Apply(resealed);

        Assert.Equal(next.KeyId, after.TextKey);
        Assert.Equal([perpetrator.SubjectId], after.ErasedSubjects);
        Assert.Equal("[erased] shouted at Sam Victim", next.Open(after.Incidents[0].Description));
        var afterView = view.Apply(resealed);
        Assert.Equal(next.KeyId, afterView.TextKey);
        Assert.Equal([perpetrator.SubjectId], afterView.ErasedSubjects);
        Assert.Equal("[erased] shouted at Sam Victim", next.Open(afterView.Incidents[0].Description));
        Assert.Equal("Same family as [erased]", next.Open(afterView.Links[0].Reason));
    }

    [Fact]
    public void A_case_closes_with_an_outcome_reopens_and_keeps_its_history()
    {
        var referred = new CaseReferred(Guid.NewGuid(), "ASB-2026-ABCDEF", Guid.NewGuid(), S("PC"), Area.West, [], [], [], Guid.NewGuid(), T0);
        var file = CaseFile.Create(referred);
        Assert.Equal("case-open", Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideReopen(file, S("why"), "me", T0)).Rule);

        var closed = CaseFile.DecideClose(file, CaseOutcome.Resolved, S("Behaviour stopped"), "Chair", T0);
        file = file.Apply(closed);
        Assert.Equal((CaseStatus.Closed, (DateTimeOffset?)T0), (file.Status, file.ClosedAt));
        Assert.Equal("case-closed", Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideClose(file, CaseOutcome.Resolved, S("again"), "Chair", T0)).Rule);
        Assert.Equal("case-closed", Assert.Throws<DomainRuleViolation>(() => file.EnsureOpen()).Rule);

        var reopened = Assert.IsType<CaseReopened>(Assert.Single(CaseFile.DecideReopen(file, S("New incidents"), "Worker", T0.AddDays(3))));
        file = file.Apply(reopened);
        Assert.Equal((CaseStatus.Open, (DateTimeOffset?)null), (file.Status, file.ClosedAt));
        var view = View([referred, closed, reopened]);
        Assert.Equal(CaseStatus.Open, view.Status);
        Assert.Equal(
            [new StatusChange(CaseStatus.Closed, CaseOutcome.Resolved, S("Behaviour stopped"), "Chair", T0),
             new StatusChange(CaseStatus.Open, null, S("New incidents"), "Worker", T0.AddDays(3))],
            view.StatusHistory);
    }

    [Fact]
    public void The_referring_agency_is_involved_and_each_agency_is_listed_once()
    {
        var referrer = Guid.NewGuid();
        var other = Guid.NewGuid();
        var referred = new CaseReferred(Guid.NewGuid(), "ASB-2026-ABCDEF", referrer, S("PC"), Area.West, [], [], [], Guid.NewGuid(), T0);
        var file = CaseFile.Create(referred);
        Assert.Equal([referrer], file.Agencies);
        Assert.Equal([referrer, other], file.WithAgency(other).WithAgency(referrer).WithAgency(other).Agencies);
        var view = CaseFileView.Create(referred);
        Assert.Equal([referrer], view.Agencies);
        Assert.Equal([referrer, other], view.WithAgency(other).WithAgency(referrer).WithAgency(other).Agencies);
    }
}
