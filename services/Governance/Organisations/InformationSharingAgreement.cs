namespace CommunitySafety.Governance.Organisations;

// The Kent and Medway Information Sharing Agreement (ISA): every member organisation signs it, and CaseManagement
// shares case data only with current signatories (it follows the published IsaSigned / IsaWithdrawn).

/// <summary>Configuration section <c>Governance:Isa</c>.</summary>
public sealed class IsaOptions : ISettings<IsaOptions>
{
    /// <inheritdoc />
    public static string Section => "Governance:Isa";

    /// <summary>When a signature is reviewed, unless the signing says: months after signing (default 12).</summary>
    public int ReviewMonths { get; set; } = 12;

    /// <summary>How many days before the review date the reminder is raised (default 30).</summary>
    public int ReminderDays { get; set; } = 30;

    /// <inheritdoc />
    public IEnumerable<string> Faults()
    {
        if (ReviewMonths < 1) yield return "ReviewMonths must be at least 1.";
        if (ReminderDays < 0) yield return "ReminderDays must be 0 or more.";
    }
}

/// <summary>Scheduled: remind that a signature is due for review (does nothing if it was renewed or withdrawn since).</summary>
public sealed record RemindIsaReview(Guid OrganisationId, DateOnly ReviewOn);

public static class IsaReviewReminderHandler
{
    public static Events Handle(RemindIsaReview message, [WriteAggregate(Required = false)] Organisation? organisation, TimeProvider clock) =>
        organisation is null ? [] : [.. Organisation.DecideReviewReminder(organisation, message.ReviewOn, clock.GetUtcNow())];

    /// <summary>When the reminder for a review date falls due: <see cref="IsaOptions.ReminderDays"/> before it, at the start of that UK day.</summary>
    public static DateTimeOffset DueAt(DateOnly reviewOn, IsaOptions options) =>
        PartnershipCalendar.StartOf(reviewOn.AddDays(-options.ReminderDays));
}

public sealed record SignIsa(DateOnly? SignedOn, string? SignedBy, string? AgreementVersion, DateOnly? ReviewOn);

public static class SignIsaEndpoint
{
    public const int MaxSignedByLength = 200;

    public static ProblemDetails Validate(SignIsa command) =>
        new FieldErrors()
            .Check(command.SignedOn is not null, "signedOn", "'signedOn' is required (a date, e.g. 2026-11-01).")
            .Text("signedBy", command.SignedBy, MaxSignedByLength)
            .Text("agreementVersion", command.AgreementVersion, 50, required: false)
            .ToProblem();

    [WolverinePost("/api/governance/organisations/{id}/isa"), Authorize(Roles = GovernanceRoles.Admin)]
    [EmptyResponse]
    public static (Events, OutgoingMessages) Post(SignIsa command, [VersionedAggregate] Organisation organisation, TimeProvider clock, IsaOptions options)
    {
        var now = clock.GetUtcNow();
        var reviewOn = command.ReviewOn ?? command.SignedOn!.Value.AddMonths(options.ReviewMonths);
        var signed = Organisation.DecideSignIsa(organisation, command.SignedOn!.Value, command.SignedBy!, command.AgreementVersion, reviewOn,
            options.ReminderDays, PartnershipCalendar.Today(now), now);
        // a review date already past needs no reminder: the signature is simply not current (see OrganisationView.IsaCurrentOn)
        var reminder = new OutgoingMessages();
        if (reviewOn >= PartnershipCalendar.Today(now))
            reminder.Schedule(new RemindIsaReview(organisation.Id, reviewOn), IsaReviewReminderHandler.DueAt(reviewOn, options));
        return ([.. signed], reminder);
    }
}

public sealed record WithdrawIsa(string? Reason);

public static class WithdrawIsaEndpoint
{
    public const int MaxReasonLength = 1000;

    public static ProblemDetails Validate(WithdrawIsa command) =>
        new FieldErrors().Text("reason", command.Reason, MaxReasonLength).ToProblem();

    [WolverinePost("/api/governance/organisations/{id}/isa/withdraw"), Authorize(Roles = GovernanceRoles.Admin)]
    [EmptyResponse]
    public static Events Post(WithdrawIsa command, [VersionedAggregate] Organisation organisation, TimeProvider clock) =>
        [.. Organisation.DecideWithdrawIsa(organisation, command.Reason!, clock.GetUtcNow())];
}
