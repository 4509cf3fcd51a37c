using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults;
using static CommunitySafety.UnitTests.CaseTestData;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class CaseLinkingRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static Subject NewSubject(SubjectRole role = SubjectRole.Perpetrator) => new(Guid.NewGuid(), role, new SealedDetails("sealed-" + Guid.NewGuid()));

    /// <summary>A case whose text (incidents as date, place, description; locations) is sealed under <paramref name="text"/>.</summary>
    private static CaseFile Case(string reference, CaseText? text = null, Guid? referrer = null,
        IReadOnlyList<(DateOnly Date, string Place, string Description)>? incidents = null,
        IReadOnlyList<Subject>? subjects = null, IReadOnlyList<string>? locations = null) =>
        CaseFile.Create(Referral(reference, text, referrer, incidents, subjects, locations));

    /// <summary>The referral of such a case (the first event of its stream, which its view folds too).</summary>
    private static CaseReferred Referral(string reference, CaseText? text = null, Guid? referrer = null,
        IReadOnlyList<(DateOnly Date, string Place, string Description)>? incidents = null,
        IReadOnlyList<Subject>? subjects = null, IReadOnlyList<string>? locations = null)
    {
        text ??= NewText();
        return new CaseReferred(Guid.NewGuid(), reference, referrer ?? Guid.NewGuid(), text.Seal("PC"), Area.East,
            [.. (incidents ?? []).Select(i => new Incident(i.Date, text.Seal(i.Place), text.Seal(i.Description)))], subjects ?? [],
            [.. (locations ?? []).Select(text.Seal)], text.KeyId, T0);
    }

    private static CaseFile Closed(CaseFile file) =>
        file.Apply(CaseFile.DecideClose(file, CaseOutcome.Resolved, S("done"), "Chair", T0));

    private static TwoCaseDecision Merge(CaseFile survivor, CaseFile duplicate, string reason = "x") =>
        CaseFile.DecideMerge(survivor, NewText(), duplicate, NewText(), reason, "Chair", T0);

    private static string Refused(Action act) => Assert.Throws<DomainRuleViolation>(act).Rule;

    [Fact]
    public void Linking_records_the_link_on_both_cases_each_naming_the_other()
    {
        var (referredA, referredB) = (Referral("ASB-2026-AAAAAA"), Referral("ASB-2026-BBBBBB"));
        var a = CaseFile.Create(referredA);
        var b = CaseFile.Create(referredB);

        var decision = CaseFile.DecideLink(a, b, S("Same street (a)"), S("Same street (b)"), "Worker", T0);

        Assert.Equal([new CaseLinked(a.Id, b.Id, b.Reference, S("Same street (a)"), "Worker", T0)], decision.ForCase);
        Assert.Equal([new CaseLinked(b.Id, a.Id, a.Reference, S("Same street (b)"), "Worker", T0)], decision.ForOther);
        a = Fold(a, decision.ForCase);
        b = Fold(b, decision.ForOther);
        Assert.Equal([b.Id], a.LinkedCases);
        Assert.Equal([a.Id], b.LinkedCases);
        var (viewA, viewB) = (View([referredA, .. decision.ForCase]), View([referredB, .. decision.ForOther]));
        Assert.Equal([new CaseLink(b.Id, b.Reference, S("Same street (a)"), "Worker", T0)], viewA.Links);  // each under its own case's key
        Assert.Equal([new CaseLink(a.Id, a.Reference, S("Same street (b)"), "Worker", T0)], viewB.Links);
        Assert.Equal((CaseStatus.Open, CaseStatus.Open), (a.Status, b.Status)); // both stay open and separate
        Assert.Equal((CaseStatus.Open, CaseStatus.Open), (viewA.Status, viewB.Status));
    }

    [Fact]
    public void A_case_is_not_linked_to_itself_twice_or_while_either_case_is_closed()
    {
        var a = Case("ASB-2026-AAAAAA");
        var b = Case("ASB-2026-BBBBBB");

        Assert.Equal("link-to-self", Refused(() => CaseFile.DecideLink(a, a, S("x"), S("x"), "Worker", T0)));
        Assert.Equal("case-closed", Refused(() => CaseFile.DecideLink(Closed(a), b, S("x"), S("x"), "Worker", T0)));
        Assert.Equal("case-closed", Refused(() => CaseFile.DecideLink(a, Closed(b), S("x"), S("x"), "Worker", T0)));

        var decision = CaseFile.DecideLink(a, b, S("Same street"), S("Same street"), "Worker", T0);
        var linkedA = Fold(a, decision.ForCase);
        var linkedB = Fold(b, decision.ForOther);
        Assert.Equal("already-linked", Refused(() => CaseFile.DecideLink(linkedA, linkedB, S("again"), S("again"), "Worker", T0)));
        Assert.Equal("already-linked", Refused(() => CaseFile.DecideLink(linkedB, linkedA, S("the other way"), S("the other way"), "Worker", T0)));
        Assert.Equal("already-linked", Refused(() => CaseFile.DecideLink(a, linkedB, S("either side knows"), S("either side knows"), "Worker", T0)));
        var c = Case("ASB-2026-CCCCCC");
        Assert.Single(CaseFile.DecideLink(linkedA, c, S("Another neighbour"), S("Another neighbour"), "Worker", T0).ForCase);
    }

    [Fact]
    public void Merging_moves_the_duplicates_incidents_live_subjects_locations_and_agencies_to_the_survivor_resealed_under_its_key()
    {
        var survivorAgency = Guid.NewGuid();
        var duplicateAgency = Guid.NewGuid();
        var kept = NewSubject();
        var shared = NewSubject(SubjectRole.Victim);
        var erased = NewSubject(SubjectRole.Witness);
        var (survivorText, duplicateText) = (NewText(), NewText());
        var referred = Referral("ASB-2026-SSSSSS", survivorText, survivorAgency, [(new DateOnly(2026, 11, 1), "Park", "Noise")], [shared], ["Park"]);
        var survivor = CaseFile.Create(referred);
        var duplicate = Case("ASB-2026-DDDDDD", duplicateText, duplicateAgency, [(new DateOnly(2026, 11, 2), "Shop", "Threats")],
            [kept, erased, shared], ["Park", "Shop"]) with { ErasedSubjects = [erased.SubjectId] };

        var decision = CaseFile.DecideMerge(survivor, survivorText, duplicate, duplicateText, "Same perpetrator", "Chair", T0);

        var mergedIn = Assert.IsType<CaseMergedIn>(Assert.Single(decision.ForCase));
        Assert.Equal((survivor.Id, duplicate.Id, duplicate.Reference, "Same perpetrator", "Chair", T0),
            (mergedIn.CaseId, mergedIn.DuplicateCaseId, mergedIn.DuplicateReference, survivorText.Open(mergedIn.Reason), mergedIn.MergedBy, mergedIn.MergedAt));
        Assert.Equal([kept, shared], mergedIn.Subjects); // the erased subject is left behind

        var after = Fold(survivor, decision.ForCase);
        // the duplicate's text now opens under the survivor's key
        Assert.Equal(["Noise", "Threats"], after.Incidents.Select(i => survivorText.Open(i.Description)));
        Assert.Equal(["Park", "Shop"], after.Incidents.Select(i => survivorText.Open(i.Place)));
        // the same records: same id, same sealed details (so the subject's own key still opens them)
        Assert.Equal([shared, kept], after.Subjects);
        Assert.Equal(["Park", "Shop"], after.Locations.Select(survivorText.Open)); // "Park" once
        Assert.Equal([survivorAgency, duplicateAgency], after.Agencies);
        Assert.Equal([duplicate.Id], after.MergedFrom);
        Assert.Equal(CaseStatus.Open, after.Status);
        Assert.Null(after.MergedInto);
        // the view: the same, and the merge as the case's reads show it
        var view = View([referred, .. decision.ForCase]);
        Assert.Equal(["Noise", "Threats"], view.Incidents.Select(i => survivorText.Open(i.Description)));
        Assert.Equal([shared, kept], view.Subjects);
        Assert.Equal(["Park", "Shop"], view.Locations.Select(survivorText.Open));
        Assert.Equal([survivorAgency, duplicateAgency], view.Agencies);
        var merged = Assert.Single(view.MergedFrom);
        Assert.Equal((duplicate.Id, duplicate.Reference, "Same perpetrator"), (merged.CaseId, merged.Reference, survivorText.Open(merged.Reason)));
        Assert.Equal(CaseStatus.Open, view.Status);
        Assert.Null(view.MergedInto);
        var mergedInto = Assert.IsType<CaseMergedInto>(Assert.Single(decision.ForOther));
        Assert.Equal("Same perpetrator", duplicateText.Open(mergedInto.Reason)); // the duplicate's copy under its own key

        // a merged-in subject is the survivor's to erase
        CaseFile.EnsureErasable(after, kept.SubjectId);
    }

    [Fact]
    public void A_merged_duplicate_is_closed_as_merged_and_cannot_be_reopened()
    {
        var survivor = Case("ASB-2026-SSSSSS");
        var referred = Referral("ASB-2026-DDDDDD", subjects: [NewSubject()]);
        var duplicate = CaseFile.Create(referred);

        var decision = Merge(survivor, duplicate, "Same perpetrator");

        var merged = Fold(duplicate, decision.ForOther);
        Assert.Equal(CaseStatus.Closed, merged.Status);
        Assert.Equal(((Guid?)survivor.Id, (string?)survivor.Reference), (merged.MergedInto, merged.MergedIntoReference));
        var view = View([referred, .. decision.ForOther]);
        Assert.Equal(CaseStatus.Closed, view.Status);
        Assert.Equal((CaseStatus.Closed, CaseOutcome.MergedIntoAnotherCase), (view.StatusHistory.Single().Status, view.StatusHistory.Single().Outcome));
        Assert.Equal(((Guid?)survivor.Id, (string?)survivor.Reference), (view.MergedInto, view.MergedIntoReference));

        var reopen = Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideReopen(merged, S("Mistake"), "Worker", T0));
        Assert.Equal(("case-merged", Refusal.Conflict), (reopen.Rule, reopen.Kind));
        Assert.Equal(survivor.Id, reopen.Facts["mergedInto"]);
        Assert.Equal("case-closed", Refused(() => merged.EnsureOpen()));
        // its subjects live on in the survivor: erased there, and the survivor's retention period covers them
        Assert.Equal("case-merged", Refused(() => CaseFile.EnsureErasable(merged, merged.Subjects[0].SubjectId)));
        Assert.Null(new CommunitySafety.CaseManagement.Retention.RetentionPolicy().Decide(merged, T0, T0.AddYears(10)));
        // an ordinary closure still reopens
        Assert.Single(CaseFile.DecideReopen(Closed(duplicate), S("New incidents"), "Worker", T0));
    }

    [Fact]
    public void Only_an_open_case_merges_into_another_open_case_and_only_once()
    {
        var survivor = Case("ASB-2026-SSSSSS");
        var duplicate = Case("ASB-2026-DDDDDD");

        Assert.Equal("merge-into-self", Refused(() => Merge(survivor, survivor)));
        Assert.Equal("case-closed", Refused(() => Merge(Closed(survivor), duplicate)));
        Assert.Equal("case-closed", Refused(() => Merge(survivor, Closed(duplicate))));

        var merged = Fold(duplicate, Merge(survivor, duplicate).ForOther);
        Assert.Equal("case-merged", Refused(() => Merge(survivor, merged, "again")));
        Assert.Equal("case-merged", Refused(() => Merge(merged, Case("ASB-2026-EEEEEE"), "into a merged case")));
        Assert.Equal("case-closed", Refused(() => CaseFile.DecideLink(survivor, merged, S("link to a merged case"), S("x"), "Chair", T0)));
    }
}
