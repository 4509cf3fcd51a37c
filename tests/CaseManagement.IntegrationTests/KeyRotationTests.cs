using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Alba;
using CommunitySafety.CaseManagement.Similarity;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.ServiceDefaults.DataProtection;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.CaseManagement;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;
using Xunit;

namespace CommunitySafety.CaseManagement.IntegrationTests;

/// <summary>
/// Rotation of CaseManagement's key-encryption key and index key, through the service itself on a database of its own:
/// data written under the old keys still opens and is still found after a new key is made current, new data uses the new
/// keys, <c>rewrap-keys</c> and <c>reindex-cases</c> (the documented commands, run as processes while the service runs)
/// move everything to the new keys, and then the old keys can go — which is what makes a backup taken before an erasure
/// unreadable.
/// </summary>
public sealed class KeyRotationTests
{
    private static readonly string Kek2026 = Key(), Kek2027 = Key(), Index2026 = Key(), Index2027 = Key();

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static Dictionary<string, string?> Keys(string currentKek, (string Id, string Key)[] keks, string currentIndex, (string Id, string Key)[] indexKeys)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CaseManagement__KeyEncryptionKeyId"] = currentKek,
            ["CaseManagement__IndexKeyId"] = currentIndex,
        };
        foreach (var (id, key) in keks) settings[$"CaseManagement__KeyEncryptionKeys__{id}"] = key;
        foreach (var (id, key) in indexKeys) settings[$"CaseManagement__IndexKeys__{id}"] = key;
        return settings;
    }

    /// <summary>A CaseManagement host on <paramref name="database"/> with these settings (Program reads them from the environment while it builds).</summary>
    private static async Task<IAlbaHost> Host(TestDatabase database, Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings) { ["ConnectionStrings__casemanagement"] = database.ConnectionString };
        var previous = all.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (key, value) in all) Environment.SetEnvironmentVariable(key, value);
        try
        {
            return await AlbaHost.For<Program>(b => b.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                services.RunWolverineInSoloMode();
            }));
        }
        finally
        {
            foreach (var (key, value) in previous) Environment.SetEnvironmentVariable(key, value);
        }
    }

    /// <summary>Runs a command of the service's own build (as an operator would), with these settings; its output.</summary>
    private static async Task<string> Command(TestDatabase database, Dictionary<string, string?> settings, params string[] args)
    {
        var dll = Path.Combine(Repository.Root, "services", "CaseManagement", "bin", Repository.Configuration, "net10.0", "CommunitySafety.CaseManagement.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__casemanagement"] = database.ConnectionString;
        start.Environment["ConnectionStrings__messaging"] = (await TestServers.RabbitMqAsync()).ToString();
        foreach (var (key, value) in settings) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', args)} exited with {process.ExitCode}: {text}");
        return text;
    }

    private static async Task<Guid> Signatory(IAlbaHost host)
    {
        var id = Guid.NewGuid();
        await host.TrackActivity(TimeSpan.FromSeconds(30)).InvokeMessageAndWaitAsync(new OrganisationRegistered(id, "Kent Police", OrganisationKind.ResponsibleAuthority, DateTimeOffset.UtcNow));
        await host.TrackActivity(TimeSpan.FromSeconds(30)).InvokeMessageAndWaitAsync(new IsaSigned(id, new DateOnly(2026, 1, 5), "CEO", DateTimeOffset.UtcNow, "1.0",
            DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)));
        return id;
    }

    private static object Referral(string name, string description) => new
    {
        referringOfficer = "PC 2026", area = "West",
        incidents = new[] { new { date = "2026-11-01", place = "Quay", description } },
        subjects = new[] { new { role = "Perpetrator", name, dateOfBirth = "1999-09-09", address = "5 Rotation Road, Deal" } },
        locations = new[] { "5 Rotation Road, Deal" },
    };

    private static async Task<(IReadOnlyDictionary<string, int> DataKeys, IReadOnlyList<string> IndexKeys)> KeyIds(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var dataKeys = await host.Services.GetRequiredService<DataKeys>().CountByKeyAsync(session, default);
        var subjects = await session.Query<SubjectIndexEntry>().Select(e => e.KeyId).ToListAsync();
        var locations = await session.Query<LocationIndexEntry>().Select(e => e.KeyId).ToListAsync();
        return (dataKeys, [.. subjects.Concat(locations).Distinct().Order()]);
    }

    [Fact]
    public async Task Old_data_opens_and_is_found_after_a_rotation_new_data_uses_the_new_keys_and_the_commands_move_everything_to_them()
    {
        await using var database = await TestServers.CreateDatabaseAsync("it_rotation");
        var before = Keys("k2026", [("k2026", Kek2026)], "i2026", [("i2026", Index2026)]);
        var during = Keys("k2027", [("k2026", Kek2026), ("k2027", Kek2027)], "i2027", [("i2026", Index2026), ("i2027", Index2027)]);
        var after = Keys("k2027", [("k2027", Kek2027)], "i2027", [("i2027", Index2027)]);

        // 2026: a case referred, and one whose subject will be erased
        Guid agency, oldCase, erasedCase, erasedSubject;
        DataKey backup;
        await using (var host = await Host(database, before))
        {
            agency = await Signatory(host);
            var worker = host.Server.CreateClient().WithTokenFor(agency, CaseRoles.CaseWorker);
            oldCase = await (await worker.ReferCase(Referral("Rowan Rotated", "Old incident sealed in 2026"))).CreatedId();
            var erased = await (await worker.ReferCase(Referral("Erin Backedup", "Erased incident"))).Json(HttpStatusCode.Created);
            (erasedCase, erasedSubject) = (erased["id"]!.GetValue<Guid>(), erased["subjects"]![0]!.GetValue<Guid>());
            var keys = await KeyIds(host);
            Assert.Equal(new Dictionary<string, int> { ["k2026"] = 4 }, keys.DataKeys.ToDictionary()); // two cases: a text key and a subject key each
            Assert.Equal(["i2026"], keys.IndexKeys);
            // a backup of the database taken now holds this subject's data key, wrapped under k2026
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            backup = (await session.LoadAsync<DataKey>(erasedSubject))!;
        }

        // 2027: a new key of each kind is added and made current; the old ones stay in the ring for now
        await using (var host = await Host(database, during))
        {
            var worker = host.Server.CreateClient().WithTokenFor(agency, CaseRoles.CaseWorker);
            var old = await (await worker.GetCase(oldCase)).Json(HttpStatusCode.OK);
            Assert.Equal(("Rowan Rotated", "Old incident sealed in 2026"),
                (old["subjects"]![0]!["name"]!.GetValue<string>(), old["incidents"]![0]!["description"]!.GetValue<string>()));
            // the old index entries are still found (looked up under every key), and new ones are written under the new key
            var created = await (await worker.ReferCase(Referral("Rowan Rotated", "New incident sealed in 2027"))).Json(HttpStatusCode.Created);
            Assert.Contains(created["similarCases"]!.AsArray(), s => s!["caseId"]!.GetValue<Guid>() == oldCase && s["matchedOn"]!.GetValue<string>() == "NameAndDateOfBirth");
            var keys = await KeyIds(host);
            Assert.Equal(new Dictionary<string, int> { ["k2026"] = 4, ["k2027"] = 2 }, keys.DataKeys.ToDictionary()); // the new case's text and subject keys
            Assert.Equal(["i2026", "i2027"], keys.IndexKeys);

            // the subject erased in 2027 (their key shredded) — but the 2026 backup still has it, and k2026 would still open it
            Assert.Equal(HttpStatusCode.NoContent, (await host.Server.CreateClient().WithTokenFor(agency, CaseRoles.PartnershipAdmin)
                .EraseSubject(erasedCase, erasedSubject, new { reason = "Request" })).StatusCode);
            var ring = host.Services.GetRequiredService<DataKeys>().Ring;
            Assert.Equal(Aead.KeySize, ring.Unwrap(new WrappedKey(backup.KeyId, backup.Wrapped), erasedSubject).Length);

            // the documented commands, run while this instance serves requests
            Assert.Contains("remaining", await Command(database, during, "rewrap-keys", "--batch", "2"));
            Assert.Contains("0 entries remaining", await Command(database, during, "reindex-cases"));
            keys = await KeyIds(host);
            Assert.Equal(["k2027"], keys.DataKeys.Keys);
            Assert.Equal(["i2027"], keys.IndexKeys);
            Assert.Equal(HttpStatusCode.OK, (await worker.GetCase(oldCase)).StatusCode);
        }

        // the old keys removed (and destroyed): everything still opens and is found, and the 2026 backup's key no longer opens
        await using (var host = await Host(database, after))
        {
            var worker = host.Server.CreateClient().WithTokenFor(agency, CaseRoles.CaseWorker);
            var old = await (await worker.GetCase(oldCase)).Json(HttpStatusCode.OK);
            Assert.Equal("Old incident sealed in 2026", old["incidents"]![0]!["description"]!.GetValue<string>());
            var found = await (await worker.SearchSimilarCases(new { name = "rowan rotated", dateOfBirth = "1999-09-09" })).Json(HttpStatusCode.OK);
            Assert.Contains(found.AsArray(), h => h!["case"]!["id"]!.GetValue<Guid>() == oldCase);
            var byLocation = await (await worker.SearchSimilarCases(new { address = "5 rotation rd, deal" })).Json(HttpStatusCode.OK);
            Assert.Contains(byLocation.AsArray(), h => h!["case"]!["id"]!.GetValue<Guid>() == oldCase);
            Assert.DoesNotContain(byLocation.AsArray(), h => h!["case"]!["id"]!.GetValue<Guid>() == erasedCase); // erased: not re-indexed

            var ring = host.Services.GetRequiredService<DataKeys>().Ring;
            Assert.Throws<UnknownKeyException>(() => ring.Unwrap(new WrappedKey(backup.KeyId, backup.Wrapped), erasedSubject));
        }
    }
}
