using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web.Api;

namespace CommunitySafety.Web.Components.Pages.Admin;

/// <summary>The words the governance pages use for the service's values and refusals.</summary>
public static class AdminWords
{
    /// <summary>How many days before a term ends Governance raises its reminder (its default, <c>Governance:Offices:ReminderDays</c>).</summary>
    public const int OfficeReminderDays = 60;

    /// <summary>How many days before an ISA review date Governance raises its reminder (its default, <c>Governance:Isa:ReminderDays</c>).</summary>
    public const int IsaReminderDays = 30;

    public static string Of(Office office) => office == Office.Chair ? "Chair" : "Vice-chair";

    public static string Kind(OrganisationKind kind) => kind == OrganisationKind.ResponsibleAuthority ? "Responsible authority" : "Co-operating body";

    /// <summary>An organisation's place with the ISA today: the words of its tag and the tag's colour (words always, never colour alone).</summary>
    public static (string Words, string Colour) Isa(AdminOrganisation organisation, DateOnly today) => organisation switch
    {
        { IsaSignedOn: null } when organisation.IsaHistory is [.., { Action: IsaAction.Withdrawn }] => ("Withdrawn", "red"),
        { IsaSignedOn: null } => ("Not signed", "grey"),
        { IsaReviewOn: { } review } when review < today => ("Review overdue", "red"),
        { IsaReviewOn: { } review } when review <= today.AddDays(IsaReminderDays) => ("Due for review", "yellow"),
        _ => ("Signed", "green"),
    };

    /// <summary>An office today: its tag's words and colour.</summary>
    public static (string Words, string Colour) OfficeStatus(OfficeView office, DateOnly today) => office switch
    {
        { Vacant: true } => ("Vacant: election needed", "red"),
        { TermEndsOn: null } => ("No term recorded", "grey"),
        { TermEndsOn: { } ends } when ends <= today.AddDays(OfficeReminderDays) || office.ReminderRaisedAt is not null => ("Election due soon", "yellow"),
        _ => ("Held", "green"),
    };

    public static string VacancyReason(OfficeVacancyReason? reason) => reason switch
    {
        OfficeVacancyReason.TermLapsed => "the term ended",
        OfficeVacancyReason.MembershipEnded => "the holder's membership ended",
        OfficeVacancyReason.ElectedToOtherOffice => "the holder was elected to the other office",
        _ => "no one has been elected",
    };
}
