namespace CommunitySafety.Governance.Webhooks;

/// <summary>Placeholder handler of <see cref="FanOutDecisionEvent"/> so Wolverine routes it locally: replaced by delivery.</summary>
public static class FanOutPlaceholder
{
    public static void Handle(FanOutDecisionEvent _) { }
}
