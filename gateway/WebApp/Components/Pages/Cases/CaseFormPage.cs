using CommunitySafety.Web.Api.Cases;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Web.Components.Pages.Cases;

/// <summary>
/// A form page of one case (an action, an intervention, a breach, closing, reopening, an erasure): the case read with the
/// user's token (the 404 page for an unknown case; a user of a non-signatory is refused by CaseManagement, shown as the
/// 403 page: the case's own address gives them its signpost), and back to the case saying what was done.
/// </summary>
public abstract class CaseFormPage : CasePage
{
    [Parameter] public Guid CaseId { get; set; }

    protected CaseDetails? Case { get; private set; }

    protected string CasePath => $"/cases/{CaseId}";

    /// <summary>Reads the case (and the organisations' names); false, with <see cref="StaffPage.Refused"/> set, when it cannot be shown.</summary>
    protected async Task<bool> LoadCase()
    {
        var names = LoadOrganisations();
        var read = await Api.ReadCase(CaseId, Aborted);
        await names;
        Refused = read.Problem is { Status: 403 } ? Forbidden : read.Problem;
        Case = read.Value;
        return Case is not null && Refused is null;
    }
}
