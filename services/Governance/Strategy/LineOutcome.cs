namespace CommunitySafety.Governance.Strategy;

/// <summary>What a change to a line answers: the RAG it turned to, and the exception it raised, if any.</summary>
public sealed record LineOutcome(Rag? RagChangedTo, Guid? ExceptionRaised)
{
    /// <summary>The answer to a change of a line, with the events that record it.</summary>
    public static (LineOutcome, Events) Of(IReadOnlyList<object> events) => (
        new LineOutcome(events.OfType<PlanLineRagChanged>().Select(e => (Rag?)e.To).LastOrDefault(),
            events.OfType<PlanExceptionRaised>().Select(e => (Guid?)e.EscalationId).LastOrDefault()),
        [.. events]);
}
