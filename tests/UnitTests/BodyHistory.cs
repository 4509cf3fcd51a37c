using CommunitySafety.Governance.Bodies;

namespace CommunitySafety.UnitTests;

/// <summary>
/// A body's stream in a test: its events, the aggregate the rules decide on and the view the reads answer, each folded from
/// the events by its own <c>Evolve</c>, as Marten folds them.
/// </summary>
internal sealed record BodyHistory(IReadOnlyList<object> Events)
{
    public BodyHistory(BodyCreated created) : this([created]) { }

    public Body Body => Events.Aggregate((Body?)null, (b, e) => Body.Evolve(b, e))!;

    public BodyView View => Events.Aggregate((BodyView?)null, (v, e) => BodyView.Evolve(v, e))!;

    public BodyHistory Then(IEnumerable<object> events) => new([.. Events, .. events]);

    public BodyHistory Then(object @event) => Then([@event]);
}
