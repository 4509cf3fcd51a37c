namespace CommunitySafety.Governance.Webhooks;

/// <summary>
/// Placeholder handler of <see cref="FanOutDecisionEvent"/> so Wolverine routes it locally: replaced by delivery
/// (delete this file then). The name must end in "Handler" for Wolverine to find it.
/// </summary>
public static class FanOutPlaceholderHandler
{
    public static void Handle(FanOutDecisionEvent _) { }
}
