using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance.Bodies;

public sealed record DraftTermsOfReference(
    string? Purpose, IReadOnlyList<string>? GuidingPrinciples, IReadOnlyList<string>? Responsibilities, IReadOnlyList<string>? Membership,
    MeetingCadence? Cadence, int? QuorumMinimum, DecisionMaking? DecisionMaking);

/// <summary>Drafts a new version of a body's terms of reference, for a decision to adopt.</summary>
public static class DraftTermsOfReferenceEndpoint
{
    public const int MaxPurposeLength = 4000;
    public const int MaxLines = 50;
    public const int MaxLineLength = 2000;

    public static ProblemDetails Validate(DraftTermsOfReference command) =>
        new FieldErrors()
            .Text("purpose", command.Purpose, MaxPurposeLength)
            .Lines("guidingPrinciples", command.GuidingPrinciples)
            .Lines("responsibilities", command.Responsibilities)
            .Lines("membership", command.Membership)
            .Defined("cadence", command.Cadence)
            .Check(command.QuorumMinimum is not null, "quorumMinimum", "'quorumMinimum' is required (the responsible authorities a quorate meeting needs).")
            .Range("quorumMinimum", command.QuorumMinimum, 1, 50)
            .Defined("decisionMaking", command.DecisionMaking)
            .ToProblem();

    private static FieldErrors Lines(this FieldErrors errors, string field, IReadOnlyList<string>? lines) => errors
        .Check(lines is null || lines.Count <= MaxLines, field, $"'{field}' may list at most {MaxLines} items.")
        .Check(lines is null || lines.All(l => l is not null && l.Length <= MaxLineLength), field,
            $"Each item of '{field}' must be text of at most {MaxLineLength} characters.");

    /// <summary>
    /// Drafts a new version of the body's terms of reference: 201 with its id (what a decision adopts) and number. The version
    /// starts a stream of its own in the same transaction; the ETag is the body's new version.
    /// </summary>
    [WolverinePost("/api/governance/bodies/{bodyId}/terms-of-reference"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public static (IResult, Events, IStartStream) Post(DraftTermsOfReference command, [VersionedAggregate] Body body, TimeProvider clock,
        HttpContext http)
    {
        var versionId = Guid.CreateVersion7();
        var (onBody, onVersion) = TermsOfReference.DecideDraft(body, versionId, command.Purpose!, command.GuidingPrinciples, command.Responsibilities,
            command.Membership, command.Cadence!.Value, command.QuorumMinimum!.Value, command.DecisionMaking!.Value, clock.GetUtcNow());
        var created = Results.Created(http.Request.Local($"/api/governance/bodies/{body.Id}/terms-of-reference/{versionId}"),
            new { versionId, version = onVersion.Number });
        return (created, [onBody], MartenOps.StartStream<TermsOfReference>(versionId, onVersion));
    }
}
