using CommunitySafety.CaseManagement.Interventions;
using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Cases;

public sealed partial record CaseFile
{
    /// <summary>
    /// Records an intervention against a subject of this open case. A community protection notice may only follow a
    /// community protection warning given to the same subject, on this case, on or before the notice's date.
    /// </summary>
    public static IReadOnlyList<object> DecideRecordIntervention(CaseFile file, Guid interventionId, Guid subjectId, InterventionKind kind,
        DateOnly issuedOn, Guid issuedBy, SealedText? notes, string by, DateTimeOffset now)
    {
        file.EnsureOpen();
        if (file.Subjects.All(s => s.SubjectId != subjectId))
            throw new DomainRuleViolation("subject-not-found", $"Case {file.Reference} has no subject '{subjectId}'.", Refusal.NotFound);
        if (kind == InterventionKind.CommunityProtectionNotice && !file.Interventions.Any(i =>
                i.Kind == InterventionKind.CommunityProtectionWarning && i.SubjectId == subjectId && i.IssuedOn <= issuedOn))
            throw new DomainRuleViolation("cpn-needs-prior-warning",
                $"A community protection notice may only follow a community protection warning given to the same subject on or before {issuedOn:yyyy-MM-dd} (ASB, Crime and Policing Act 2014 s.43); case {file.Reference} records none.");
        return [new InterventionRecorded(file.Id, interventionId, subjectId, kind, issuedOn, issuedBy, notes, by, now)];
    }

    /// <summary>Records a breach of one of this open case's interventions, on or after the day it was issued.</summary>
    public static IReadOnlyList<object> DecideRecordBreach(CaseFile file, Guid interventionId, DateOnly occurredOn, SealedText description,
        string by, DateTimeOffset now)
    {
        file.EnsureOpen();
        var intervention = file.Interventions.FirstOrDefault(i => i.Id == interventionId)
            ?? throw new DomainRuleViolation("intervention-not-found", $"Case {file.Reference} has no intervention '{interventionId}'.", Refusal.NotFound);
        if (occurredOn < intervention.IssuedOn)
            throw new DomainRuleViolation("breach-before-intervention",
                $"The breach ({occurredOn:yyyy-MM-dd}) may not be before the intervention was issued ({intervention.IssuedOn:yyyy-MM-dd}).");
        return [new InterventionBreached(file.Id, interventionId, occurredOn, description, by, now)];
    }
}
