namespace CommunitySafety.CaseManagement;

/// <summary>The domain events other services and agencies hear of, as their published contracts.</summary>
public static class IntegrationEvents
{
    /// <summary>None: case events carry personal data (sealed) and never leave CaseManagement.</summary>
    public static object? ToContract(object domainEvent) => null;
}
