namespace CommunitySafety.Web.Api;

/// <summary>CaseManagement's endpoints as the pages use them (paths under <c>/api/cases</c>); each area's calls are in a part of its own.</summary>
public sealed partial class CaseManagementApi(GatewayClient gateway)
{
    public const string Base = "/api/cases";

    /// <summary>The client, for this class's other parts.</summary>
    private GatewayClient Gateway => gateway;
}

/// <summary>Funding's endpoints as the pages use them (paths under <c>/api/funding</c>); each area's calls are in a part of its own.</summary>
public sealed partial class FundingApi(GatewayClient gateway)
{
    public const string Base = "/api/funding";

    /// <summary>The client, for this class's other parts.</summary>
    private GatewayClient Gateway => gateway;
}
