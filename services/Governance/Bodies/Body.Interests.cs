namespace CommunitySafety.Governance.Bodies;

// The register of members' interests: what each member declares (employment, property, membership of organisations,
// gifts and hospitality, …), from when and until when. Kept on the body, whose members they are.

public enum InterestCategory
{
    Employment,
    Property,
    MembershipOfOrganisations,
    GiftsAndHospitality,
    Other,
}

public sealed record InterestRegistered(
    Guid BodyId, Guid InterestId, Guid MembershipId, InterestCategory Category, string Description, DateOnly From, DateOnly? To,
    DateTimeOffset RegisteredAt);

public sealed record InterestEnded(Guid BodyId, Guid InterestId, Guid MembershipId, DateOnly On, DateTimeOffset RecordedAt);

/// <summary>An interest as the rules see it: whose, what, from and to when, and whether it was ended.</summary>
/// <param name="InterestId">The interest.</param>
/// <param name="MembershipId">The member who registered it.</param>
/// <param name="Category">What kind of interest it is.</param>
/// <param name="Description">What it is.</param>
/// <param name="From">Its first day.</param>
/// <param name="To">Its last day, when known (declared, or set when it was ended).</param>
/// <param name="Ended">Whether it was ended.</param>
public sealed record HeldInterest(
    Guid InterestId, Guid MembershipId, InterestCategory Category, string Description, DateOnly From, DateOnly? To, bool Ended = false);

public sealed partial record Body
{
    /// <summary>The register of members' interests, as the rules see it (the register as shown: <see cref="BodyView.Interests"/>).</summary>
    public IReadOnlyList<HeldInterest> HeldInterests { get; init; } = [];

    public Body Apply(InterestRegistered e) => this with
    {
        HeldInterests = [.. HeldInterests, new HeldInterest(e.InterestId, e.MembershipId, e.Category, e.Description, e.From, e.To)],
    };

    public Body Apply(InterestEnded e) => this with
    {
        HeldInterests = HeldInterests.Select(i => i.InterestId == e.InterestId ? i with { To = e.On, Ended = true } : i).ToList(),
    };

    // ---- rules ----

    /// <summary>A current member registers an interest; its last day, when given, is not before its first.</summary>
    public static IReadOnlyList<object> DecideRegisterInterest(
        Body body, Guid membershipId, Guid interestId, InterestCategory category, string description, DateOnly from, DateOnly? to, DateTimeOffset now)
    {
        CurrentMember(body, membershipId);
        if (to is { } last && last < from)
            throw new DomainRuleViolation("interest-ends-before-it-starts",
                    $"An interest cannot end ({last:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", Refusal.Inconsistent)
                .With("from", from).With("to", last);
        var text = description.Trim();
        if (body.HeldInterests.FirstOrDefault(i => i.MembershipId == membershipId && i.Category == category && i.To is null
                                               && string.Equals(i.Description, text, StringComparison.OrdinalIgnoreCase)) is { } same)
            throw new DomainRuleViolation("interest-already-registered", $"This interest is already on the register (since {same.From:yyyy-MM-dd}).")
                .With("interestId", same.InterestId);
        return [new InterestRegistered(body.Id, interestId, membershipId, category, text, from, to, now)];
    }

    /// <summary>An interest ends on a day not before it started; an interest already over (ended, or past its last day) cannot end again.</summary>
    public static IReadOnlyList<object> DecideEndInterest(Body body, Guid membershipId, Guid interestId, DateOnly on, DateOnly today, DateTimeOffset now)
    {
        if (body.Member(membershipId) is null)
            throw new DomainRuleViolation("membership-not-found", $"No membership '{membershipId}' on {body.Name}.", Refusal.NotFound);
        var interest = body.HeldInterests.FirstOrDefault(i => i.InterestId == interestId && i.MembershipId == membershipId)
            ?? throw new DomainRuleViolation("interest-not-found", $"No interest '{interestId}' is registered for this member.", Refusal.NotFound);
        if (interest.Ended || interest.To is { } to && to < today)
            throw new DomainRuleViolation("interest-already-ended", $"This interest already ended on {interest.To:yyyy-MM-dd}.")
                .With("to", interest.To);
        if (on < interest.From)
            throw new DomainRuleViolation("interest-ends-before-it-starts",
                    $"An interest cannot end ({on:yyyy-MM-dd}) before it starts ({interest.From:yyyy-MM-dd}).", Refusal.Inconsistent)
                .With("from", interest.From).With("to", on);
        return [new InterestEnded(body.Id, interestId, membershipId, on, now)];
    }
}
