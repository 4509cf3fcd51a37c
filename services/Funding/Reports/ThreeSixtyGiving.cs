using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Bids;
using CommunitySafety.Funding.Streams;
using System.Globalization;

namespace CommunitySafety.Funding.Reports;

/// <summary>
/// Who publishes the grants and under which identifiers (<c>Funding:ThreeSixtyGiving</c>). The prefix is the one
/// 360Giving assigns to the publisher (https://standard.threesixtygiving.org/en/latest/technical/identifiers/); grant
/// ids are prefix-award id, and organisations without a registered identifier are named prefix-org-their id, as the
/// standard allows for identifiers from the publisher's own records.
/// </summary>
public sealed class ThreeSixtyGivingOptions : ISettings<ThreeSixtyGivingOptions>
{
    /// <inheritdoc />
    public static string Section => "Funding:ThreeSixtyGiving";


    public string Prefix { get; set; } = "360G-csp";
    public string FundingOrganisationId { get; set; } = "360G-csp-org-partnership";
    public string FundingOrganisationName { get; set; } = "Community Safety Partnership";
    public string License { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    /// <inheritdoc />
    public IEnumerable<string> Faults()
    {
        if (new[] { Prefix, FundingOrganisationId, FundingOrganisationName }.Any(string.IsNullOrWhiteSpace))
            yield return "A Prefix, a FundingOrganisationId and a FundingOrganisationName are needed.";
    }
}

public sealed record Organization(string Id, string Name);
public sealed record GrantProgramme(string Title);

/// <summary>A grant record of the 360Giving Data Standard (version 1.4): the required fields and those we know.</summary>
public sealed record Grant(
    string Id, string Title, string Description, string Currency, decimal AmountAwarded,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] decimal? AmountAppliedFor,
    decimal AmountDisbursed,
    string AwardDate, IReadOnlyList<Organization> RecipientOrganization, IReadOnlyList<Organization> FundingOrganization,
    IReadOnlyList<GrantProgramme> GrantProgramme);

public sealed record Publisher(string Name);

/// <summary>A 360Giving data package.</summary>
public sealed record GrantPackage(IReadOnlyList<Grant> Grants, string Version, string Title, Publisher Publisher, string Issued, string License);

public static class ThreeSixtyGiving
{
    public const string Version = "1.4";

    public static string OrganisationId(ThreeSixtyGivingOptions options, Guid organisationId) => $"{options.Prefix}-org-{organisationId}";

    /// <summary>
    /// The awards as 360Giving grants. <c>amountAwarded</c> is what the grant is worth now (net of underspend returned and
    /// clawback, as the standard asks for revised amounts); <c>amountDisbursed</c> what has been paid.
    /// </summary>
    public static GrantPackage Package(IEnumerable<AwardView> awards, IReadOnlyDictionary<Guid, FundingStreamView> streams, IReadOnlyDictionary<Guid, BidView> bids,
        IReadOnlyDictionary<Guid, string> organisationNames, ThreeSixtyGivingOptions options, DateTimeOffset now)
    {
        var funder = new Organization(options.FundingOrganisationId, options.FundingOrganisationName);
        var grants = awards.OrderBy(a => a.AwardDate).ThenBy(a => a.Id).Select(a =>
        {
            var stream = streams[a.StreamId];
            return new Grant(
                $"{options.Prefix}-{a.Id}", a.Title, a.Description, Money.Currency, a.NetAmount, bids.GetValueOrDefault(a.BidId)?.AmountRequested, a.Paid,
                // the date-time form (local midnight): valid for every validator, where a bare date is ambiguous to some
                PartnershipCalendar.StartOf(a.AwardDate).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                [new Organization(OrganisationId(options, a.OrganisationId), organisationNames.GetValueOrDefault(a.OrganisationId) ?? $"Organisation {a.OrganisationId}")],
                [funder],
                [new GrantProgramme($"{stream.Name} {stream.FinancialYearLabel}")]);
        }).ToList();
        return new GrantPackage(grants, Version, $"{options.FundingOrganisationName}: grants", new Publisher(options.FundingOrganisationName),
            now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), options.License);
    }
}
