using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Signatories;
using CommunitySafety.CaseManagement.Similarity;
using JasperFx.Events.Projections;

namespace CommunitySafety.CaseManagement;

/// <summary>Roles (the <c>role</c> claim) that CaseManagement's endpoints require.</summary>
public static class CaseRoles
{
    /// <summary>Refers cases and acts on them.</summary>
    public const string CaseWorker = "case-worker";
    /// <summary>Runs the monthly panel sittings.</summary>
    public const string PanelChair = "panel-chair";
    /// <summary>Reads the access audit and erases personal data (of an organisation that is a current ISA signatory).</summary>
    public const string PartnershipAdmin = "partnership-admin";

    public const string AnyCaseRole = CaseWorker + "," + PanelChair + "," + PartnershipAdmin;
}

public static class Queues
{
    public const string GovernanceEvents = "casemanagement.governance-events";
    /// <summary>The local, durable queue of scheduled review checks and retention erasures.</summary>
    public const string Schedules = "casemanagement-schedules";
}

public static class CaseStreams
{
    public static void AddCaseStreams(this StoreOptions opts)
    {
        opts.Projections.Snapshot<CaseFile>(SnapshotLifecycle.Inline);
        // what the case reads show (its history lists), kept with every write of the case
        opts.Projections.Snapshot<CaseFileView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Panel.PanelSitting>(SnapshotLifecycle.Inline);
        // what the sitting reads show (agenda, reviews, attendance)
        opts.Projections.Snapshot<Panel.PanelSittingView>(SnapshotLifecycle.Inline);
        opts.Schema.For<CaseFileView>().Index(c => c.Status);
        // The access audit: one document per request and case, written by the audit middleware only.
        opts.Schema.For<AuditEntry>().Index(a => a.CaseId).Index(a => a.OrganisationId).Index(a => a.At);
        opts.Schema.For<IsaSignatory>();
        opts.Schema.For<SubjectIndexEntry>().Index(e => e.NameAndBirth).Index(e => e.Address).Index(e => e.CaseId);
        opts.Schema.For<LocationIndexEntry>().Index(e => e.Address).Index(e => e.CaseId);
    }
}
