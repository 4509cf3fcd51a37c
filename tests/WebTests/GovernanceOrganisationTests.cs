using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CommunitySafety.Web;
using CommunitySafety.Web.Api;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>The governance administrator's organisations: the ISA status of each, registering one, signing and withdrawing; and the dashboard's reminders.</summary>
public sealed class GovernanceOrganisationTests(WebFactory site) : SiteTests(site)
{
    private readonly AdminData _data = new();

    private static string Squeezed(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Banner(Page page) => page.Document.QuerySelector(".govuk-notification-banner--success p")?.TextContent.Trim();

    private Task<Browser> Admin(bool followRedirects = true) => Site.As(DemonstrationUsers.Persona.GovernanceAdmin, followRedirects: followRedirects);

    private string PathOf(AdminOrganisation organisation) => $"/admin/organisations/{organisation.Id}";

    private async Task<(Browser Browser, Page Page)> Open(AdminOrganisation organisation, bool followRedirects = true)
    {
        Gateway.Get($"/api/governance/organisations/{organisation.Id}", organisation);
        var browser = await Admin(followRedirects);
        return (browser, await browser.Get(PathOf(organisation)));
    }

    private JsonNode SentTo(string path) => JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, path)).Body!)!;

    private static string Long(DateOnly date) => UkTime.Date(date);

    [Fact]
    public async Task The_organisations_show_their_isa_status_in_words_with_the_signing_and_review_dates()
    {
        Gateway.Get("/api/governance/organisations", _data.Organisations);
        var browser = await Admin();

        var page = await browser.Get("/admin/organisations");

        var rows = page.Document.QuerySelectorAll("#organisations tbody tr").Select(r => Squeezed(r.TextContent)).ToList();
        Assert.Equal(
        [
            $"Kent County Council Responsible authority Due for review {Long(_data.Council.IsaSignedOn!.Value)} {Long(_data.Council.IsaReviewOn!.Value)}",
            "Kent Fire and Rescue Service Responsible authority Not signed",
            $"Kent Police Responsible authority Signed {Long(_data.Police.IsaSignedOn!.Value)} {Long(_data.Police.IsaReviewOn!.Value)}",
            "NHS Kent and Medway ICB Responsible authority Withdrawn",
            $"Violence Reduction Unit Co-operating body Review overdue {Long(_data.Vru.IsaSignedOn!.Value)} {Long(_data.Vru.IsaReviewOn!.Value)}",
        ], rows);
        Assert.Equal(["govuk-tag--yellow", "govuk-tag--grey", "govuk-tag--green", "govuk-tag--red", "govuk-tag--red"],
            page.Document.QuerySelectorAll("#organisations .govuk-tag").Select(t => t.ClassList[t.ClassList.Length - 1]!));
    }

    [Fact]
    public async Task An_organisation_is_registered_and_the_administrator_is_taken_to_its_page()
    {
        Gateway.Get("/api/governance/organisations", _data.Organisations);
        var browser = await Admin(followRedirects: false);
        var page = await browser.Get("/admin/organisations");
        var id = Guid.NewGuid();
        Gateway.Answer(HttpMethod.Post, "/api/governance/organisations", new { id }, HttpStatusCode.Created);

        var answer = await browser.Submit(page, "register", new Dictionary<string, string?> { ["Form.Name"] = " Kent Safer Roads Partnership ", ["Form.Kind"] = "CooperatingBody" });

        Assert.Equal($"/admin/organisations/{id}?done=registered", answer.RedirectPath());
        Assert.Equal("""{"name":"Kent Safer Roads Partnership","kind":"CooperatingBody"}""", SentTo("/api/governance/organisations").ToJsonString());
    }

    [Fact]
    public async Task Registering_needs_a_name_and_a_kind()
    {
        Gateway.Get("/api/governance/organisations", _data.Organisations);
        var browser = await Admin();
        var page = await browser.Get("/admin/organisations");

        var answer = await browser.Submit(page, "register", new Dictionary<string, string?> { ["Form.Name"] = "" });

        Assert.Equal([("Enter the name of the organisation", "organisation-name"), ("Select what kind of organisation it is", "organisation-kind")], answer.Errors);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task A_signature_is_sent_with_its_review_date_and_the_page_says_when_it_is_due_for_review()
    {
        var (browser, page) = await Open(_data.Fire, followRedirects: false);
        var isa = $"/api/governance/organisations/{_data.Fire.Id}/isa";
        Gateway.Answer(HttpMethod.Post, isa, null, HttpStatusCode.NoContent);
        var signed = AdminData.Today.AddDays(-1);
        var review = signed.AddMonths(6);

        var answer = await browser.Submit(page, "sign", new Dictionary<string, string?>
        {
            ["Signing.SignedOn.Day"] = signed.Day.ToString(CultureInfo.InvariantCulture), ["Signing.SignedOn.Month"] = signed.Month.ToString(CultureInfo.InvariantCulture), ["Signing.SignedOn.Year"] = signed.Year.ToString(CultureInfo.InvariantCulture),
            ["Signing.SignedBy"] = "Chief Fire Officer", ["Signing.Version"] = "2026",
            ["Signing.ReviewOn.Day"] = review.Day.ToString(CultureInfo.InvariantCulture), ["Signing.ReviewOn.Month"] = review.Month.ToString(CultureInfo.InvariantCulture), ["Signing.ReviewOn.Year"] = review.Year.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal($"{PathOf(_data.Fire)}?done=signed", answer.RedirectPath());
        Assert.Equal($$"""{"signedOn":"{{signed:yyyy-MM-dd}}","signedBy":"Chief Fire Officer","agreementVersion":"2026","reviewOn":"{{review:yyyy-MM-dd}}"}""",
            SentTo(isa).ToJsonString());

        Gateway.Get($"/api/governance/organisations/{_data.Fire.Id}", _data.Fire with { IsaSignedOn = signed, IsaSignedBy = "Chief Fire Officer", IsaReviewOn = review });
        var after = await browser.Get(answer.RedirectPath()!);
        Assert.Equal($"The signature is recorded. It is due for review on {Long(review)}", Banner(after));
        Assert.Contains("Signed", after.Document.QuerySelector("#isa .govuk-tag")!.TextContent);
        Assert.NotNull(after.Form("withdraw"));
    }

    [Fact]
    public async Task A_signature_needs_a_real_date_not_in_the_future_and_who_signed_it_and_nothing_is_sent_otherwise()
    {
        var (browser, page) = await Open(_data.Fire);
        var tomorrow = AdminData.Today.AddDays(1);

        var blank = await browser.Submit(page, "sign", new Dictionary<string, string?> { ["Signing.SignedOn.Day"] = "30", ["Signing.SignedOn.Month"] = "2", ["Signing.SignedOn.Year"] = "2026" });
        var future = await browser.Submit(page, "sign", new Dictionary<string, string?>
        {
            ["Signing.SignedOn.Day"] = tomorrow.Day.ToString(CultureInfo.InvariantCulture), ["Signing.SignedOn.Month"] = tomorrow.Month.ToString(CultureInfo.InvariantCulture), ["Signing.SignedOn.Year"] = tomorrow.Year.ToString(CultureInfo.InvariantCulture),
            ["Signing.SignedBy"] = "Chief Fire Officer", ["Signing.ReviewOn.Day"] = "1", ["Signing.ReviewOn.Month"] = "1", ["Signing.ReviewOn.Year"] = "2000",
        });

        Assert.Equal([("The date it was signed must be a real date", "sign-on-day"), ("Enter who signed it", "sign-by")], blank.Errors);
        Assert.Equal([("The date it was signed must be today or in the past", "sign-on-day"), ("The review date must be after the date it was signed", "sign-review-day")], future.Errors);
        Assert.StartsWith("Error: ", future.Title);
        Assert.Empty(Gateway.Sent(HttpMethod.Post, "/api/governance"));
    }

    [Fact]
    public async Task Signing_again_too_early_is_refused_plainly()
    {
        var (browser, page) = await Open(_data.Police);
        Gateway.Refuse(HttpMethod.Post, $"/api/governance/organisations/{_data.Police.Id}/isa", HttpStatusCode.Conflict, "isa-already-signed",
            "Kent Police already signed the Information Sharing Agreement on 2026-10-01 (A. Director); it is due for review on 2027-10-01.");
        var today = AdminData.Today;

        var answer = await browser.Submit(page, "sign", new Dictionary<string, string?>
        {
            ["Signing.SignedOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture), ["Signing.SignedOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture), ["Signing.SignedOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["Signing.SignedBy"] = "Chief Constable", ["Signing.Version"] = "2024",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Kent Police already signed the Information Sharing Agreement", answer.ErrorSummary);
        Assert.Null(JsonNode.Parse(Assert.Single(Gateway.Sent(HttpMethod.Post, "/api/governance")).Body!)!["reviewOn"]);
    }

    [Fact]
    public async Task A_signatory_withdraws_with_a_reason_and_one_that_has_not_signed_is_not_offered_it()
    {
        var (browser, page) = await Open(_data.Police, followRedirects: false);
        var withdraw = $"/api/governance/organisations/{_data.Police.Id}/isa/withdraw";
        Gateway.Answer(HttpMethod.Post, withdraw, null, HttpStatusCode.NoContent);

        var empty = await browser.Submit(page, "withdraw", new Dictionary<string, string?> { ["Withdrawal.Reason"] = " " });
        var answer = await browser.Submit(page, "withdraw", new Dictionary<string, string?> { ["Withdrawal.Reason"] = "Merged into another force" });

        Assert.Equal([("Enter why the organisation withdraws", "withdraw-reason")], empty.Errors);
        Assert.Equal($"{PathOf(_data.Police)}?done=withdrawn", answer.RedirectPath());
        Assert.Equal("""{"reason":"Merged into another force"}""", SentTo(withdraw).ToJsonString());

        var (_, fire) = await Open(_data.Fire);
        Assert.Throws<Xunit.Sdk.XunitException>(() => fire.Form("withdraw"));
    }

    [Fact]
    public async Task An_unknown_organisation_is_the_404_page()
    {
        var browser = await Admin();

        var page = await browser.Get($"/admin/organisations/{Guid.NewGuid()}");

        Assert.Equal((HttpStatusCode.NotFound, "Page not found"), (page.Status, page.H1));
    }

    [Fact]
    public async Task The_dashboard_lists_the_isa_reviews_and_the_elections_due()
    {
        Gateway.Get("/api/governance/organisations", _data.Organisations);
        Gateway.Get("/api/governance/bodies", new[] { _data.Body() });
        var browser = await Admin();

        var page = await browser.Get("/dashboard");

        Assert.Equal(
        [
            $"Violence Reduction Unit: review overdue, review date {Long(_data.Vru.IsaReviewOn!.Value)}",
            $"Kent County Council: due for review, review date {Long(_data.Council.IsaReviewOn!.Value)}",
        ], page.Document.QuerySelectorAll("#isa-due li").Select(li => Squeezed(li.TextContent)));
        Assert.Equal([$"Community Safety Working Group: Alex Officer's term as chair ends on {Long(_data.ChairTermEnds)} (reminder raised)"],
            page.Document.QuerySelectorAll("#elections-due li").Select(li => Squeezed(li.TextContent)));
        Assert.NotNull(page.Document.QuerySelector($"#elections-due a[href='{_data.BodyPath}']"));
    }
}
