using CommunitySafety.ServiceDefaults.DataProtection;
using CommunitySafety.TestSupport;
using JasperFx;
using Marten;
using Xunit;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>The shared envelope-encryption store (ServiceDefaults) against a real PostgreSQL: creation, shredding and re-wrapping after a rotation.</summary>
public sealed class DataKeysTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DocumentStore _store = null!;

    private static byte[] Kek(byte fill) => Enumerable.Repeat(fill, Aead.KeySize).ToArray();

    private static DataKeys Keys(string current, params (string Id, byte Fill)[] keks) =>
        new(new KeyRing("Test:KeyEncryptionKey", keks.ToDictionary(k => k.Id, k => Kek(k.Fill)), current));

    public async ValueTask InitializeAsync()
    {
        _database = await TestServers.CreateDatabaseAsync("datakeys");
        _store = DocumentStore.For(o =>
        {
            o.Connection(_database.ConnectionString);
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.Schema.For<DataKey>();
        });
    }

    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _database.DisposeAsync();
    }

    private async Task<Dictionary<Guid, byte[]>> CreateAsync(DataKeys keys, int count)
    {
        await using var session = _store.LightweightSession();
        var created = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToDictionary(id => id, id => keys.Create(session, id, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return created;
    }

    [Fact]
    public async Task A_data_key_is_stored_wrapped_and_shredding_it_leaves_nothing_to_open()
    {
        var keys = Keys("k1", ("k1", 1));
        var created = await CreateAsync(keys, 2);
        var (erased, kept) = (created.Keys.First(), created.Keys.Last());

        await using (var query = _store.QuerySession())
        {
            Assert.Equal(created[erased], await keys.LoadAsync(query, erased, default));
            var stored = await query.LoadAsync<DataKey>(erased);
            Assert.Equal("k1", stored!.KeyId);
            Assert.NotEqual(created[erased], stored.Wrapped[^Aead.KeySize..]);
        }
        await using (var session = _store.LightweightSession())
        {
            keys.Shred(session, erased);
            await session.SaveChangesAsync();
        }
        await using (var query = _store.QuerySession())
        {
            Assert.Null(await keys.LoadAsync(query, erased, default));
            var many = await keys.LoadManyAsync(query, [erased, kept], default);
            Assert.Equal([kept], many.Keys);
            Assert.Equal(created[kept], many[kept]);
        }
    }

    [Fact]
    public async Task After_rotation_rewrap_moves_every_key_to_the_new_key_and_old_data_still_opens()
    {
        var before = Keys("2026", ("2026", 1));
        var created = await CreateAsync(before, 7);
        var sealedText = Aead.SealText(created.First().Value, "1 Acacia Avenue");

        var rotated = Keys("2027", ("2026", 1), ("2027", 2));
        // during the rotation new keys use the new key-encryption key, old ones still open
        var added = await CreateAsync(rotated, 1);
        await using (var query = _store.QuerySession())
        {
            Assert.Equal(new Dictionary<string, int> { ["2026"] = 7, ["2027"] = 1 }, await rotated.CountByKeyAsync(query, default));
            Assert.Equal(created.First().Value, await rotated.LoadAsync(query, created.Keys.First(), default));
        }

        var progress = new List<RewrapResult>();
        var result = await rotated.RewrapAsync(_store, TimeProvider.System, 3, progress.Add, default);

        Assert.Equal(new RewrapResult("2027", 7, 7, 0, 0, 0), result);
        Assert.Equal([3, 6, 7], progress.Select(p => p.Rewrapped));
        // the old key-encryption key can now go: everything opens with the new one alone
        var retired = Keys("2027", ("2027", 2));
        await using var after = _store.QuerySession();
        Assert.Equal(new Dictionary<string, int> { ["2027"] = 8 }, await retired.CountByKeyAsync(after, default));
        var all = await retired.LoadManyAsync(after, [.. created.Keys, .. added.Keys], default);
        foreach (var (id, key) in created.Concat(added)) Assert.Equal(key, all[id]);
        Assert.Equal("1 Acacia Avenue", Aead.OpenText(all[created.Keys.First()], sealedText));
    }

    [Fact]
    public async Task A_key_erased_while_rewrapping_runs_stays_erased()
    {
        var created = await CreateAsync(Keys("old", ("old", 1)), 4);
        var rotated = Keys("new", ("old", 1), ("new", 2));
        var last = created.Keys.Max();

        // erased between two batches
        var result = await rotated.RewrapAsync(_store, TimeProvider.System, 2, p =>
        {
            if (p.Rewrapped != 2) return;
            using var session = _store.LightweightSession();
            rotated.Shred(session, last);
            session.SaveChangesAsync().GetAwaiter().GetResult();
        }, default);
        Assert.Equal(0, result.Remaining);
        Assert.Equal(3, result.Rewrapped);

        // erased after the batch was read, before it was saved: an update never brings a row back
        await using (var reader = _store.LightweightSession())
        {
            var stale = (await reader.LoadAsync<DataKey>(created.Keys.Min()))!;
            await using (var eraser = _store.LightweightSession())
            {
                rotated.Shred(eraser, stale.Id);
                await eraser.SaveChangesAsync();
            }
            reader.Update(stale);
            try { await reader.SaveChangesAsync(); }
            catch (Exception e) when (e is Marten.Exceptions.NonExistentDocumentException || e.InnerException is Marten.Exceptions.NonExistentDocumentException) { }
        }
        await using var query = _store.QuerySession();
        Assert.Null(await query.LoadAsync<DataKey>(last));
        Assert.Null(await query.LoadAsync<DataKey>(created.Keys.Min()));
        Assert.Equal(2, await query.Query<DataKey>().CountAsync());
    }

    [Fact]
    public async Task Keys_under_a_key_the_configuration_lacks_are_reported_not_touched()
    {
        await CreateAsync(Keys("lost", ("lost", 9)), 2);
        var result = await Keys("new", ("old", 1), ("new", 2)).RewrapAsync(_store, TimeProvider.System, 10, null, default);
        Assert.Equal(new RewrapResult("new", 0, 0, 0, 0, 2), result);
    }
}
