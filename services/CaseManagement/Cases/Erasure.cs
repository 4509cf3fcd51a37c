using CommunitySafety.CaseManagement.Interventions;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Cases;

/// <summary>Who erased: the user (their token's subject and name) and the organisation they act for.</summary>
public sealed record Eraser(string UserSubject, string UserName, Guid OrganisationId);

/// <summary>An erasure as the case keeps it: whose, why (sealed under the case's text key), who did it and when.</summary>
public sealed record SubjectErasure(Guid SubjectId, SealedText Reason, Eraser By, DateTimeOffset At);

/// <summary>
/// Every free text of a case, each sealed under the case's text key: what a new generation of the key re-seals.
/// </summary>
public sealed record CaseTexts(
    SealedText ReferringOfficer, IReadOnlyList<Incident> Incidents, IReadOnlyList<SealedText> Locations,
    IReadOnlyList<StatusChange> StatusHistory, IReadOnlyList<CaseLink> Links, IReadOnlyList<MergedCase> MergedFrom,
    IReadOnlyList<CaseReviewed> Reviews, IReadOnlyList<CaseAction> Actions, IReadOnlyList<Intervention> Interventions,
    IReadOnlyList<SubjectErasure> Erasures)
{
    /// <summary>The same texts, each passed through <paramref name="f"/> (e.g. opened, redacted and sealed under a new key).</summary>
    public CaseTexts Map(Func<SealedText, SealedText> f) => new(
        f(ReferringOfficer),
        [.. Incidents.Select(i => i with { Place = f(i.Place), Description = f(i.Description) })],
        [.. Locations.Select(f)],
        [.. StatusHistory.Select(s => s with { Reason = f(s.Reason) })],
        [.. Links.Select(l => l with { Reason = f(l.Reason) })],
        [.. MergedFrom.Select(m => m with { Reason = f(m.Reason) })],
        [.. Reviews.Select(r => r with { Summary = f(r.Summary), Decisions = [.. r.Decisions.Select(f)] })],
        [.. Actions.Select(a => a with
        {
            Description = f(a.Description),
            History = [.. a.History.Select(h => h with { Note = h.Note is { } note ? f(note) : null })],
        })],
        [.. Interventions.Select(i => i with
        {
            Notes = i.Notes is { } notes ? f(notes) : null,
            Breaches = [.. i.Breaches.Select(b => b with { Description = f(b.Description) })],
        })],
        [.. Erasures.Select(e => e with { Reason = f(e.Reason) })]);
}

/// <summary>
/// A subject was erased: their key shredded (their details unreadable in every event), and the case's whole text
/// redacted of every mention of them and re-sealed under a new text key (<see cref="TextKey"/>, <see cref="Texts"/>);
/// the old key is shredded, so the older events' text no longer opens. Records who erased and why.
/// </summary>
public sealed record SubjectErased(Guid CaseId, Guid SubjectId, SealedText Reason, Eraser By, Guid TextKey, CaseTexts Texts, DateTimeOffset ErasedAt);

/// <summary>
/// A duplicate merged into another case, whose subject was erased there: its text too is redacted of them and
/// re-sealed under a new text key.
/// </summary>
public sealed record CaseTextResealed(Guid CaseId, Guid TextKey, CaseTexts Texts, Guid ErasedSubjectId, Guid ErasedOnCaseId, DateTimeOffset At);

/// <summary>
/// The retention period ran out: the case's text key and its subjects' keys were shredded (and its merged duplicates'
/// text keys). Nothing of the case can be read but its reference, area, dates, status, agencies and risk levels.
/// </summary>
public sealed record CaseRetentionErased(Guid CaseId, IReadOnlyList<Guid> SubjectIds, string Reason, DateTimeOffset ErasedAt);

public sealed partial record CaseFile
{
    /// <summary>
    /// Refuses the erasure of a subject who is not the case's (404), lives on in the case this one was merged into (the
    /// erasure is made there), or is erased already.
    /// </summary>
    public static void EnsureErasable(CaseFile file, Guid subjectId)
    {
        if (file.Subjects.All(s => s.SubjectId != subjectId))
            throw new DomainRuleViolation("subject-not-found", $"Case {file.Reference} has no subject '{subjectId}'.", Refusal.NotFound);
        // the subject lives on in the surviving case: erased there, the survivor's record says so too
        if (file.MergedInto is { } survivor) throw MergedAway(file, survivor);
        if (file.ErasedSubjects.Contains(subjectId))
            throw new DomainRuleViolation("subject-already-erased", "This subject's personal data has already been erased.");
    }

    /// <summary>
    /// The erasure of a subject: the case's whole text (<paramref name="texts"/>, as its view holds it) opened under its
    /// <paramref name="current"/> key, every mention of the subject (<paramref name="details"/>) redacted, and re-sealed
    /// under the <paramref name="next"/> key with the erasure's own record (its reason redacted too).
    /// </summary>
    public static SubjectErased DecideErase(CaseFile file, CaseTexts texts, Guid subjectId, PersonalDetails? details, CaseText current, CaseText next,
        string reason, Eraser by, DateTimeOffset now)
    {
        EnsureErasable(file, subjectId);
        var resealed = Resealed(file, texts, details, current, next);
        var erasure = new SubjectErasure(subjectId, next.Seal(Redacted(reason, details)), by, now);
        return new SubjectErased(file.Id, subjectId, erasure.Reason, by, next.KeyId, resealed with { Erasures = [.. resealed.Erasures, erasure] }, now);
    }

    /// <summary>
    /// The re-sealing of a merged duplicate's text (<paramref name="texts"/>, as its view holds it) after its subject's
    /// erasure on <paramref name="survivorId"/>.
    /// </summary>
    public static CaseTextResealed DecideReseal(CaseFile duplicate, CaseTexts texts, Guid subjectId, PersonalDetails? details, CaseText current,
        CaseText next, Guid survivorId, DateTimeOffset now) =>
        new(duplicate.Id, next.KeyId, Resealed(duplicate, texts, details, current, next), subjectId, survivorId, now);

    private static CaseTexts Resealed(CaseFile file, CaseTexts texts, PersonalDetails? details, CaseText current, CaseText next) =>
        texts.Map(text => next.Seal(Redacted(
            current.Open(text) ?? throw new InvalidOperationException($"Case {file.Reference}'s text does not open under its key {current.KeyId}."),
            details)));

    private static string Redacted(string text, PersonalDetails? details) => details is null ? text : Redaction.Redact(text, details);
}
