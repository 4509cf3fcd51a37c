using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Signatories;

namespace CommunitySafety.CaseManagement.Panel;

public static class ActionValidation
{
    public const int MaxDescription = 2000;

    /// <summary>The field errors of one action (owner, description, due date not in the past).</summary>
    public static FieldErrors Check(this FieldErrors errors, string prefix, ActionInput? action, DateOnly today)
    {
        if (action is null) return errors.Add(prefix.TrimEnd('.'), "An action is required.");
        return errors.Id(prefix + "ownerOrganisationId", action.OwnerOrganisationId)
            .Text(prefix + "description", action.Description, MaxDescription)
            .Check(action.DueOn is { } due && due >= today, prefix + "dueOn", "'dueOn' is required and may not be in the past.");
    }
}

/// <summary>The new action's id.</summary>
public sealed record ActionAgreedAnswer(Guid Id);

/// <summary>Gives an agency an action on a case between sittings (reviews add theirs with the review).</summary>
public static class AgreeActionEndpoint
{
    public static ProblemDetails Validate(ActionInput command, TimeProvider clock) =>
        new FieldErrors().Check("", command, PartnershipCalendar.Today(clock.GetUtcNow())).ToProblem();

    /// <summary>Case details are for current ISA signatories only (403), refused before the case is read.</summary>
    public static Task Before(IDocumentSession session, HttpContext http) => CaseAccess.DemandFullAsync(session, http);

    [WolverinePost("/api/cases/{caseId}/actions"), Authorize(Roles = CaseRoles.CaseWorker + "," + CaseRoles.PanelChair)]
    [ProducesResponseType<ActionAgreedAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status403Forbidden),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<(ActionAgreedAnswer, Events)> Post(ActionInput command, [VersionedAggregate("caseId")] CaseFile file, IDocumentSession session,
        CaseKeys keys, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var owner = command.OwnerOrganisationId!.Value;
        var now = clock.GetUtcNow();
        var ownerIsSignatory = await IsaRegister.IsSignatoryAsync(session, owner, PartnershipCalendar.Today(now), ct);
        var text = await keys.TextForWritingAsync(session, file, ct);
        var agreed = CaseFile.DecideAction(file, Guid.CreateVersion7(), owner, ownerIsSignatory, text.Seal(command.Description!.Trim()), command.DueOn!.Value,
            null, user.DisplayName(), now);
        return (new ActionAgreedAnswer(agreed.ActionId), [agreed]);
    }
}
