extern alias casemanagement;
using casemanagement::CommunitySafety.CaseManagement.Cases;
using casemanagement::CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class CaseLinkingRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static Subject NewSubject(SubjectRole role = SubjectRole.Perpetrator) => new(Guid.NewGuid(), role, new SealedDetails("sealed-" + Guid.NewGuid()));

    private static CaseFile Case(string reference, Guid? referrer = null, IReadOnlyList<Incident>? incidents = null,
        IReadOnlyList<Subject>? subjects = null, IReadOnlyList<string>? locations = null) =>
        CaseFile.Create(new CaseReferred(Guid.NewGuid(), reference, referrer ?? Guid.NewGuid(), "PC", Area.East,
            incidents ?? [], subjects ?? [], locations ?? [], T0));

    private static CaseFile Closed(CaseFile file) =>
        file.Apply(CaseFile.DecideClose(file, CaseOutcome.Resolved, "done", "Chair", T0));

    private static string Refused(Action act) => Assert.Throws<DomainRuleViolation>(act).Rule;

    private static CaseFile Evolve(CaseFile file, IEnumerable<object> events) => events.Aggregate(file, (f, e) => e switch
    {
        CaseLinked l => f.Apply(l),
        CaseMergedIn m => f.Apply(m),
        CaseMergedInto m => f.Apply(m),
        _ => throw new InvalidOperationException(e.GetType().Name),
    });

    [Fact]
    public void Linking_records_the_link_on_both_cases_each_naming_the_other()
    {
        var a = Case("ASB-2026-AAAAAA");
        var b = Case("ASB-2026-BBBBBB");

        var decision = CaseFile.DecideLink(a, b, "Same street", "Worker", T0);

        Assert.Equal([new CaseLinked(a.Id, b.Id, b.Reference, "Same street", "Worker", T0)], decision.ForCase);
        Assert.Equal([new CaseLinked(b.Id, a.Id, a.Reference, "Same street", "Worker", T0)], decision.ForOther);
        a = Evolve(a, decision.ForCase);
        b = Evolve(b, decision.ForOther);
        Assert.Equal([new CaseLink(b.Id, b.Reference, "Same street", "Worker", T0)], a.Links);
        Assert.Equal([new CaseLink(a.Id, a.Reference, "Same street", "Worker", T0)], b.Links);
        Assert.Equal((CaseStatus.Open, CaseStatus.Open), (a.Status, b.Status)); // both stay open and separate
    }

    [Fact]
    public void A_case_is_not_linked_to_itself_twice_or_while_either_case_is_closed()
    {
        var a = Case("ASB-2026-AAAAAA");
        var b = Case("ASB-2026-BBBBBB");

        Assert.Equal("link-to-self", Refused(() => CaseFile.DecideLink(a, a, "x", "Worker", T0)));
        Assert.Equal("case-closed", Refused(() => CaseFile.DecideLink(Closed(a), b, "x", "Worker", T0)));
        Assert.Equal("case-closed", Refused(() => CaseFile.DecideLink(a, Closed(b), "x", "Worker", T0)));

        var decision = CaseFile.DecideLink(a, b, "Same street", "Worker", T0);
        var linkedA = Evolve(a, decision.ForCase);
        var linkedB = Evolve(b, decision.ForOther);
        Assert.Equal("already-linked", Refused(() => CaseFile.DecideLink(linkedA, linkedB, "again", "Worker", T0)));
        Assert.Equal("already-linked", Refused(() => CaseFile.DecideLink(linkedB, linkedA, "the other way", "Worker", T0)));
        Assert.Equal("already-linked", Refused(() => CaseFile.DecideLink(a, linkedB, "either side knows", "Worker", T0)));
        var c = Case("ASB-2026-CCCCCC");
        Assert.Single(CaseFile.DecideLink(linkedA, c, "Another neighbour", "Worker", T0).ForCase);
    }

    [Fact]
    public void Merging_moves_the_duplicates_incidents_live_subjects_locations_and_agencies_to_the_survivor()
    {
        var survivorAgency = Guid.NewGuid();
        var duplicateAgency = Guid.NewGuid();
        var kept = NewSubject();
        var shared = NewSubject(SubjectRole.Victim);
        var erased = NewSubject(SubjectRole.Witness);
        var survivor = Case("ASB-2026-SSSSSS", survivorAgency, [new Incident(new DateOnly(2026, 11, 1), "Park", "Noise")], [shared], ["Park"]);
        var duplicate = Case("ASB-2026-DDDDDD", duplicateAgency, [new Incident(new DateOnly(2026, 11, 2), "Shop", "Threats")],
            [kept, erased, shared], ["Park", "Shop"]);
        duplicate = duplicate.Apply(Assert.IsType<SubjectErased>(Assert.Single(CaseFile.DecideErase(duplicate, erased.SubjectId, "request", T0))));

        var decision = CaseFile.DecideMerge(survivor, duplicate, "Same perpetrator", "Chair", T0);

        var mergedIn = Assert.IsType<CaseMergedIn>(Assert.Single(decision.ForCase));
        Assert.Equal((survivor.Id, duplicate.Id, duplicate.Reference, "Same perpetrator", "Chair", T0),
            (mergedIn.CaseId, mergedIn.DuplicateCaseId, mergedIn.DuplicateReference, mergedIn.Reason, mergedIn.MergedBy, mergedIn.MergedAt));
        Assert.Equal([kept, shared], mergedIn.Subjects); // the erased subject is left behind

        var after = Evolve(survivor, decision.ForCase);
        Assert.Equal(["Noise", "Threats"], after.Incidents.Select(i => i.Description));
        // the same records: same id, same sealed details (so the subject's own key still opens them)
        Assert.Equal([shared, kept], after.Subjects);
        Assert.Equal(["Park", "Shop"], after.Locations);
        Assert.Equal([survivorAgency, duplicateAgency], after.Agencies);
        Assert.Equal([new MergedCase(duplicate.Id, duplicate.Reference, "Same perpetrator", "Chair", T0)], after.MergedFrom);
        Assert.Equal(CaseStatus.Open, after.Status);
        Assert.Null(after.MergedInto);

        // a merged-in subject is the survivor's to erase
        Assert.Equal([new SubjectErased(survivor.Id, kept.SubjectId, "request", T0)], CaseFile.DecideErase(after, kept.SubjectId, "request", T0));
    }

    [Fact]
    public void A_merged_duplicate_is_closed_as_merged_and_cannot_be_reopened()
    {
        var survivor = Case("ASB-2026-SSSSSS");
        var duplicate = Case("ASB-2026-DDDDDD", subjects: [NewSubject()]);

        var decision = CaseFile.DecideMerge(survivor, duplicate, "Same perpetrator", "Chair", T0);

        Assert.Equal([new CaseMergedInto(duplicate.Id, survivor.Id, survivor.Reference, "Same perpetrator", "Chair", T0)], decision.ForOther);
        var merged = Evolve(duplicate, decision.ForOther);
        Assert.Equal(CaseStatus.Closed, merged.Status);
        Assert.Equal([new StatusChange(CaseStatus.Closed, CaseOutcome.MergedIntoAnotherCase, "Same perpetrator", "Chair", T0)], merged.StatusHistory);
        Assert.Equal(((Guid?)survivor.Id, (string?)survivor.Reference), (merged.MergedInto, merged.MergedIntoReference));

        var reopen = Assert.Throws<DomainRuleViolation>(() => CaseFile.DecideReopen(merged, "Mistake", "Worker", T0));
        Assert.Equal(("case-merged", 409), (reopen.Rule, reopen.StatusCode));
        Assert.Equal(survivor.Id, reopen.Facts["mergedInto"]);
        Assert.Equal("case-closed", Refused(() => merged.EnsureOpen()));
        // its subjects live on in the survivor: erased there, and the survivor's retention period covers them
        Assert.Equal("case-merged", Refused(() => CaseFile.DecideErase(merged, merged.Subjects[0].SubjectId, "request", T0)));
        Assert.Empty(new casemanagement::CommunitySafety.CaseManagement.Retention.RetentionPolicy().Decide(merged, T0, T0.AddYears(10)));
        // an ordinary closure still reopens
        Assert.Single(CaseFile.DecideReopen(Closed(duplicate), "New incidents", "Worker", T0));
    }

    [Fact]
    public void Only_an_open_case_merges_into_another_open_case_and_only_once()
    {
        var survivor = Case("ASB-2026-SSSSSS");
        var duplicate = Case("ASB-2026-DDDDDD");

        Assert.Equal("merge-into-self", Refused(() => CaseFile.DecideMerge(survivor, survivor, "x", "Chair", T0)));
        Assert.Equal("case-closed", Refused(() => CaseFile.DecideMerge(Closed(survivor), duplicate, "x", "Chair", T0)));
        Assert.Equal("case-closed", Refused(() => CaseFile.DecideMerge(survivor, Closed(duplicate), "x", "Chair", T0)));

        var merged = Evolve(duplicate, CaseFile.DecideMerge(survivor, duplicate, "x", "Chair", T0).ForOther);
        Assert.Equal("case-merged", Refused(() => CaseFile.DecideMerge(survivor, merged, "again", "Chair", T0)));
        Assert.Equal("case-merged", Refused(() => CaseFile.DecideMerge(merged, Case("ASB-2026-EEEEEE"), "into a merged case", "Chair", T0)));
        Assert.Equal("case-closed", Refused(() => CaseFile.DecideLink(survivor, merged, "link to a merged case", "Chair", T0)));
    }
}
