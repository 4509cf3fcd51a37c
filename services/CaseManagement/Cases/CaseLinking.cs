using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Cases;

/// <summary>Recorded on both cases of a link, each naming the other.</summary>
public sealed record CaseLinked(Guid CaseId, Guid LinkedCaseId, string LinkedReference, SealedText Reason, string LinkedBy, DateTimeOffset LinkedAt);

/// <summary>
/// On the surviving case: a duplicate's incidents and locations (re-sealed under the survivor's text key), subjects (the
/// same sealed records, so the subjects' own keys still open them) and agencies were added to it.
/// </summary>
public sealed record CaseMergedIn(
    Guid CaseId, Guid DuplicateCaseId, string DuplicateReference, IReadOnlyList<Incident> Incidents, IReadOnlyList<Subject> Subjects,
    IReadOnlyList<SealedText> Locations, IReadOnlyList<Guid> Agencies, SealedText Reason, string MergedBy, DateTimeOffset MergedAt);

/// <summary>On the duplicate: it was merged into the surviving case, which closes it for good.</summary>
public sealed record CaseMergedInto(
    Guid CaseId, Guid SurvivorCaseId, string SurvivorReference, SealedText Reason, string MergedBy, DateTimeOffset MergedAt);

/// <summary>A related case, as the case's links show it.</summary>
public sealed record CaseLink(Guid CaseId, string Reference, SealedText Reason, string By, DateTimeOffset At);

/// <summary>A duplicate merged into this case.</summary>
public sealed record MergedCase(Guid CaseId, string Reference, SealedText Reason, string By, DateTimeOffset At);

/// <summary>The events one decision appends to each of the two cases it concerns.</summary>
public sealed record TwoCaseDecision(IReadOnlyList<object> ForCase, IReadOnlyList<object> ForOther);

/// <summary>Linking related cases and merging a duplicate into a surviving case.</summary>
public sealed partial record CaseFile
{
    internal static DomainRuleViolation MergedAway(CaseFile file, Guid survivor) =>
        new DomainRuleViolation("case-merged", $"Case {file.Reference} was merged into case {file.MergedIntoReference}; work on that case instead.")
            .With("mergedInto", survivor);

    /// <summary>
    /// Links two open cases (once): a <see cref="CaseLinked"/> on each, naming the other, with the reason sealed under
    /// each case's own text key.
    /// </summary>
    public static TwoCaseDecision DecideLink(CaseFile file, CaseFile other, SealedText reason, SealedText reasonOnOther, string by, DateTimeOffset now)
    {
        if (file.Id == other.Id) throw new DomainRuleViolation("link-to-self", "A case cannot be linked to itself.");
        file.EnsureOpen();
        other.EnsureOpen();
        if (file.LinkedCases.Contains(other.Id) || other.LinkedCases.Contains(file.Id))
            throw new DomainRuleViolation("already-linked", $"Cases {file.Reference} and {other.Reference} are already linked.");
        return new TwoCaseDecision(
            [new CaseLinked(file.Id, other.Id, other.Reference, reason, by, now)],
            [new CaseLinked(other.Id, file.Id, file.Reference, reasonOnOther, by, now)]);
    }

    /// <summary>
    /// Merges <paramref name="duplicate"/> into <paramref name="survivor"/>: its incidents, its subjects not erased, its
    /// locations (those the survivor does not have already) and agencies move to the survivor, its text opened under the
    /// duplicate's key and sealed under the survivor's; the duplicate is closed as merged.
    /// </summary>
    public static TwoCaseDecision DecideMerge(CaseFile survivor, CaseText survivorText, CaseFile duplicate, CaseText duplicateText, string reason,
        string by, DateTimeOffset now)
    {
        if (survivor.Id == duplicate.Id) throw new DomainRuleViolation("merge-into-self", "A case cannot be merged into itself.");
        if (survivor.MergedInto is { } s) throw MergedAway(survivor, s);
        if (duplicate.MergedInto is { } d) throw MergedAway(duplicate, d);
        survivor.EnsureOpen();
        duplicate.EnsureOpen();
        string Opened(SealedText text) => duplicateText.Open(text) ?? throw CaseText.Erased();
        var subjects = duplicate.Subjects.Where(x => !duplicate.ErasedSubjects.Contains(x.SubjectId)).ToList();
        var incidents = duplicate.Incidents.Select(i => new Incident(i.Date, survivorText.Seal(Opened(i.Place)), survivorText.Seal(Opened(i.Description)))).ToList();
        var known = survivor.Locations.Select(survivorText.Open).ToHashSet();
        var locations = duplicate.Locations.Select(Opened).Where(known.Add).Select(survivorText.Seal).ToList();
        return new TwoCaseDecision(
            [new CaseMergedIn(survivor.Id, duplicate.Id, duplicate.Reference, incidents, subjects, locations, duplicate.Agencies,
                survivorText.Seal(reason), by, now)],
            [new CaseMergedInto(duplicate.Id, survivor.Id, survivor.Reference, duplicateText.Seal(reason), by, now)]);
    }
}
