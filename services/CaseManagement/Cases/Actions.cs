using CommunitySafety.CaseManagement.PersonalData;

namespace CommunitySafety.CaseManagement.Cases;

public enum ActionStatus { Open, InProgress, Done, Cancelled }

/// <summary>Red: overdue. Amber: due within <see cref="CaseAction.AmberDays"/> days. Green: later. Complete: done or cancelled.</summary>
public enum Rag { Red, Amber, Green, Complete }

/// <summary>An agency took on an action for the case (at a panel review, or between sittings).</summary>
public sealed record ActionAgreed(
    Guid CaseId, Guid ActionId, Guid OwnerOrganisationId, SealedText Description, DateOnly DueOn, Guid? SittingId,
    string AgreedBy, DateTimeOffset AgreedAt);

public sealed record ActionStatusChanged(Guid CaseId, Guid ActionId, ActionStatus Status, SealedText? Note, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>An action as the case holds it: the latest status, and every change of it.</summary>
public sealed record CaseAction(
    Guid ActionId, Guid OwnerOrganisationId, SealedText Description, DateOnly DueOn, Guid? SittingId, ActionStatus Status,
    string AgreedBy, DateTimeOffset AgreedAt, IReadOnlyList<ActionStatusChanged> History)
{
    public const int AmberDays = 7;

    public bool IsComplete => Status is ActionStatus.Done or ActionStatus.Cancelled;

    /// <summary>The action's RAG status on <paramref name="today"/>, derived from its due date.</summary>
    public Rag RagOn(DateOnly today) =>
        IsComplete ? Rag.Complete
        : DueOn < today ? Rag.Red
        : DueOn <= today.AddDays(AmberDays) ? Rag.Amber
        : Rag.Green;
}

/// <summary>What an agency is asked to do: the input of an action, from a review or on its own.</summary>
public sealed record ActionInput(Guid? OwnerOrganisationId, string? Description, DateOnly? DueOn);

public sealed partial record CaseFile
{
    /// <summary>
    /// A new action for an agency. The owner must be a current ISA signatory: acting on a case means seeing it.
    /// </summary>
    public static ActionAgreed DecideAction(CaseFile file, Guid actionId, Guid owner, bool ownerIsSignatory, SealedText description, DateOnly dueOn,
        Guid? sittingId, string by, DateTimeOffset now)
    {
        file.EnsureOpen();
        if (!ownerIsSignatory)
            throw new DomainRuleViolation("owner-not-signatory",
                $"Organisation {owner} is not a signatory of the Information Sharing Agreement, so it may not be given actions on a case.").With("ownerOrganisationId", owner);
        return new ActionAgreed(file.Id, actionId, owner, description, dueOn, sittingId, by, now);
    }

    /// <summary>Open → in progress → done; open or in progress → cancelled. Done and cancelled are final.</summary>
    public static ActionStatusChanged DecideActionStatus(CaseFile file, Guid actionId, ActionStatus status, SealedText? note, string by, DateTimeOffset now)
    {
        var action = file.Actions.FirstOrDefault(a => a.ActionId == actionId)
            ?? throw new DomainRuleViolation("action-not-found", $"Case {file.Reference} has no action '{actionId}'.", Refusal.NotFound);
        if (action.IsComplete)
            throw new DomainRuleViolation("action-complete", $"The action is already {action.Status.ToString().ToLowerInvariant()}; it cannot change.");
        if (action.Status == status)
            throw new DomainRuleViolation("action-status-unchanged", $"The action is already {status}.");
        if (status == ActionStatus.Open)
            throw new DomainRuleViolation("action-cannot-reopen", "An action in progress cannot go back to open.");
        return new ActionStatusChanged(file.Id, actionId, status, note, by, now);
    }
}
