using CommunitySafety.Contracts.Governance;
using CommunitySafety.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

[assembly: AssemblyFixture(typeof(CommunitySafety.CaseManagement.IntegrationTests.CaseManagementFixture))]
// One in-memory host per assembly; Wolverine's tracked sessions on one host must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CommunitySafety.CaseManagement.IntegrationTests;

public sealed class CaseManagementFixture : ServiceFixture<Program>
{
    protected override string DatabaseName => "casemanagement";

    /// <summary>
    /// An organisation Governance announced, optionally one that signed the ISA (due for review on <paramref name="reviewOn"/>:
    /// by default a year after today; a date in the past makes a lapsed signatory).
    /// </summary>
    public async Task<Guid> Organisation(bool signedIsa, DateOnly? reviewOn = null)
    {
        var id = Guid.NewGuid();
        await Receive(new OrganisationRegistered(id, "Organisation " + id.ToString("N")[..6], OrganisationKind.ResponsibleAuthority, DateTimeOffset.UtcNow));
        if (signedIsa)
            await Receive(new IsaSigned(id, new DateOnly(2026, 1, 5), "Chief Executive", DateTimeOffset.UtcNow, "1.0",
                reviewOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)));
        return id;
    }

    /// <summary>An organisation whose ISA signature is past its review date (signed, never withdrawn).</summary>
    public Task<Guid> LapsedSignatory() => Organisation(signedIsa: true, reviewOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));

    /// <summary>The access audit's entries written since <paramref name="since"/>, oldest first (read from the store, not through the API).</summary>
    public async Task<IReadOnlyList<Audit.AuditEntry>> AuditSince(DateTimeOffset since)
    {
        await using var session = Store.QuerySession();
        return await session.Query<Audit.AuditEntry>().Where(e => e.At >= since).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>A text sealed under the case's current text key, as the service would seal it (for history arranged by appending events).</summary>
    public async Task<PersonalData.SealedText> Seal(Guid caseId, string text)
    {
        await using var session = Store.QuerySession();
        var file = await session.LoadAsync<Cases.CaseFile>(caseId) ?? throw new InvalidOperationException($"No case {caseId}.");
        return (await Host.Services.GetRequiredService<PersonalData.CaseKeys>().TextAsync(session, file, default)).Seal(text);
    }

    /// <summary>Where the service's database reveals <paramref name="secret"/>: in clear, as hex or as base64 (empty: nowhere).</summary>
    public Task<IReadOnlyList<string>> RowsRevealing(string secret) =>
        Probes.RowsRevealing(Environment.GetEnvironmentVariable("ConnectionStrings__casemanagement")!, secret);

    /// <summary>The messages scheduled (persisted in Wolverine's inbox, awaiting their time) whose body mentions <paramref name="about"/>.</summary>
    public Task<IReadOnlyList<ScheduledMessage>> ScheduledMessages(Guid about) =>
        TestSupport.ScheduledMessages.About(Environment.GetEnvironmentVariable("ConnectionStrings__casemanagement")!, about);

    /// <summary>Rows of the service's database whose text contains <paramref name="needle"/>.</summary>
    public Task<int> RowsContaining(string needle) =>
        Probes.RowsContaining(Environment.GetEnvironmentVariable("ConnectionStrings__casemanagement")!, needle);
}
