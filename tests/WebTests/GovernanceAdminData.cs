using System.Text;
using AngleSharp.Html.Dom;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;

namespace CommunitySafety.WebTests;

/// <summary>
/// The partnership as Governance keeps it, for the governance administrators' pages: organisations with their signatures of
/// the ISA (dates relative to today, as the pages judge them against today) and a working group with five members, its chair
/// elected two years ago whose term ends within the reminder window (the reminder raised), no vice-chair.
/// </summary>
public sealed class AdminData
{
    public static DateOnly Today => DateOnly.FromDateTime(UkTime.Local(DateTimeOffset.UtcNow));

    public AdminOrganisation Police { get; } = Organisation("Kent Police", OrganisationKind.ResponsibleAuthority, signedOn: Today.AddMonths(-2), reviewOn: Today.AddMonths(10));
    public AdminOrganisation Council { get; } = Organisation("Kent County Council", OrganisationKind.ResponsibleAuthority, signedOn: Today.AddMonths(-11), reviewOn: Today.AddDays(20));
    public AdminOrganisation Fire { get; } = Organisation("Kent Fire and Rescue Service", OrganisationKind.ResponsibleAuthority);
    public AdminOrganisation Health { get; } = Organisation("NHS Kent and Medway ICB", OrganisationKind.ResponsibleAuthority, withdrawn: true);
    public AdminOrganisation Vru { get; } = Organisation("Violence Reduction Unit", OrganisationKind.CooperatingBody, signedOn: Today.AddYears(-2), reviewOn: Today.AddDays(-3));

    public IReadOnlyList<AdminOrganisation> Organisations => [Police, Council, Fire, Health, Vru];

    public Guid BodyId { get; } = Guid.NewGuid();
    public AdminMembership Alex { get; }
    public AdminMembership Chris { get; }
    public AdminMembership Fran { get; }
    public AdminMembership Val { get; }
    public AdminMembership Former { get; }
    public Guid ElectionId { get; } = Guid.NewGuid();
    public DateOnly ChairTermEnds { get; } = Today.AddDays(40);

    public AdminData()
    {
        var appointed = DateTimeOffset.UtcNow.AddYears(-3);
        Alex = new AdminMembership(Guid.NewGuid(), Police.Id, "Alex Officer", MemberRole.Chair, appointed, [new AdminSubstitute(Guid.NewGuid(), "Sam Deputy", appointed)], null, []);
        Chris = new AdminMembership(Guid.NewGuid(), Council.Id, "Chris Council", MemberRole.Member, appointed, [], null, []);
        Fran = new AdminMembership(Guid.NewGuid(), Fire.Id, "Fran Fire", MemberRole.Member, appointed, [], null, []);
        Val = new AdminMembership(Guid.NewGuid(), Vru.Id, "Val Unit", MemberRole.Member, appointed, [], null, []);
        Former = new AdminMembership(Guid.NewGuid(), Health.Id, "Nia Nurse", MemberRole.Member, appointed, [], DateTimeOffset.UtcNow.AddMonths(-6), []);
    }

    public string BodyPath => $"/admin/bodies/{BodyId}";

    public AdminBody Body() => new(BodyId, "Community Safety Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 4, DateTimeOffset.UtcNow.AddYears(-3),
        [Alex, Chris, Fran, Val, Former], 12)
    {
        Elections = [new AdminElection(ElectionId, Office.Chair, [Alex.MembershipId, Chris.MembershipId], Alex.MembershipId, "Alex Officer", null,
            ChairTermEnds.AddYears(-2), ChairTermEnds, DateTimeOffset.UtcNow.AddYears(-2))],
        Offices = [new OfficeTerm(Office.Chair, Alex.MembershipId, "Alex Officer", ElectionId, ChairTermEnds.AddYears(-2), ChairTermEnds, DateTimeOffset.UtcNow.AddDays(-20), null, null)],
        Reminders = [new AdminOfficeReminder(Office.Chair, Alex.MembershipId, "Alex Officer", ChairTermEnds, ElectionId, DateTimeOffset.UtcNow.AddDays(-20))],
        TermsOfReferenceVersion = 2,
    };

    public IReadOnlyList<OfficeView> Offices() =>
    [
        new(Office.Chair, Alex.MembershipId, "Alex Officer", ChairTermEnds.AddYears(-2), ChairTermEnds, false, null, null, ElectionId, DateTimeOffset.UtcNow.AddDays(-20)),
        new(Office.ViceChair, null, null, null, null, true, null, null, null, null),
    ];

    /// <summary>Governance answers for the body's page (and the organisations its members come from).</summary>
    public void Serve(FakeGateway gateway, AdminBody? body = null, IReadOnlyList<OfficeView>? offices = null)
    {
        gateway.Get($"/api/governance/bodies/{BodyId}", body ?? Body());
        gateway.Get($"/api/governance/bodies/{BodyId}/offices", offices ?? Offices());
        gateway.Get("/api/governance/organisations", Organisations);
    }

    public static AdminOrganisation Organisation(string name, OrganisationKind kind, DateOnly? signedOn = null, DateOnly? reviewOn = null, bool withdrawn = false)
    {
        var recorded = DateTimeOffset.UtcNow.AddYears(-1);
        List<IsaEntry> history = [];
        if (signedOn is { } on) history.Add(new IsaEntry(IsaAction.Signed, recorded, on, "A. Director", null, "2024", reviewOn));
        if (withdrawn)
        {
            history.Add(new IsaEntry(IsaAction.Signed, recorded.AddYears(-1), Today.AddYears(-2), "B. Director", null, null, Today.AddYears(-1)));
            history.Add(new IsaEntry(IsaAction.Withdrawn, recorded, null, null, "Left the partnership's data sharing", null, null));
        }
        return new AdminOrganisation(Guid.NewGuid(), name, kind, DateTimeOffset.UtcNow.AddYears(-3), signedOn, signedOn is null ? null : "A. Director",
            signedOn is null ? null : "2024", reviewOn, history, [], 3);
    }
}

public static class FormPosts
{
    /// <summary>Submits a form with fields that may repeat (ticked checkboxes): its hidden fields, then <paramref name="fields"/>.</summary>
    public static async Task<Page> SubmitAll(this Browser browser, Page page, string formName, IEnumerable<(string Name, string Value)> fields)
    {
        var form = page.Form(formName);
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Select(i => (i.Name!, i.Value)).ToList();
        values.AddRange(fields);
        var body = string.Join('&', values.Select(v => $"{Uri.EscapeDataString(v.Item1)}={Uri.EscapeDataString(v.Item2)}"));
        using var response = await browser.Http.PostAsync(page.Url.PathAndQuery, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        return new Page(response.StatusCode, response.RequestMessage!.RequestUri!,
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response.Headers.Location);
    }
}
