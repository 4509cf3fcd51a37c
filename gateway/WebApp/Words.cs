using CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Web;

/// <summary>The domain's names as residents read them.</summary>
public static class Words
{
    public static string Of(BodyKind kind) => kind switch
    {
        BodyKind.Executive => "Executive group",
        BodyKind.Scrutiny => "Scrutiny working group",
        BodyKind.Steering => "Steering group",
        BodyKind.WorkingGroup => "Working group",
        BodyKind.DeliveryGroup => "Delivery group",
        BodyKind.AsbCasePanel => "Anti-social behaviour case panel",
        BodyKind.OpenForum => "Open Forum",
        BodyKind.NeighbourhoodEngagement => "Neighbourhood Engagement Meeting",
        BodyKind.Conference => "Community Safety Conference",
        _ => kind.ToString(),
    };

    public static string Of(MeetingCadence cadence) => cadence switch
    {
        MeetingCadence.Monthly => "every month",
        MeetingCadence.BiMonthly => "every two months",
        MeetingCadence.Quarterly => "every quarter",
        MeetingCadence.TwiceYearly => "twice a year",
        MeetingCadence.Annually => "once a year",
        _ => "when needed",
    };

    public static string Of(MemberRole role) => role switch
    {
        MemberRole.Chair => "Chair",
        MemberRole.ViceChair => "Vice-chair",
        _ => "Member",
    };

    public static string Of(OrganisationKind? kind) => kind switch
    {
        OrganisationKind.ResponsibleAuthority => "Responsible authority",
        OrganisationKind.CooperatingBody => "Co-operating body",
        _ => "",
    };
}
