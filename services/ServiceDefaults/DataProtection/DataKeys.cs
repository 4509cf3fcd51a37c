using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommunitySafety.ServiceDefaults.DataProtection;

/// <summary>
/// A data key, stored wrapped by the service's key-encryption key (<see cref="WrappedKey.KeyId"/> says which), in its
/// own table outside the event store. Its id is the id of what it protects (a case subject, a case, a resident's
/// question, a webhook signing secret): deleting the row shreds every copy of what was sealed with it, in every event,
/// snapshot and message.
/// </summary>
public sealed class DataKey
{
    public Guid Id { get; set; }
    public string KeyId { get; set; } = "";
    public byte[] Wrapped { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RewrappedAt { get; set; }

    internal WrappedKey AsWrapped() => new(KeyId, Wrapped);
}

/// <summary>
/// Envelope encryption of personal data and secrets: each owner (<see cref="DataKey.Id"/>) gets a random 256-bit data
/// key; events and documents hold only what <see cref="Aead"/> sealed under it; the data key is kept wrapped under the
/// key-encryption key ring (<see cref="Ring"/>), which lives outside the database. A copy of the database alone opens
/// nothing; shredding the data key erases everything sealed under it.
/// </summary>
public sealed class DataKeys(KeyRing ring)
{
    public KeyRing Ring { get; } = ring;

    /// <summary>Creates the owner's data key (stored wrapped, in the session's transaction) and returns it in clear.</summary>
    public byte[] Create(IDocumentSession session, Guid owner, DateTimeOffset now)
    {
        var key = Aead.NewKey();
        var wrapped = Ring.Wrap(key, owner);
        session.Insert(new DataKey { Id = owner, KeyId = wrapped.KeyId, Wrapped = wrapped.Ciphertext, CreatedAt = now });
        return key;
    }

    /// <summary>Creates the owner's data key (in the session's transaction) and returns <paramref name="value"/> sealed under it (JSON, base64).</summary>
    public string Seal<T>(IDocumentSession session, Guid owner, T value, DateTimeOffset now) => Aead.Seal(Create(session, owner, now), value);

    /// <summary>Creates the owner's data key (in the session's transaction) and returns <paramref name="text"/> sealed under it (base64).</summary>
    public string SealText(IDocumentSession session, Guid owner, string text, DateTimeOffset now) => Aead.SealText(Create(session, owner, now), text);

    /// <summary>What <see cref="Seal{T}"/> sealed, by owner, for the owners whose key still exists (one query for all of them).</summary>
    public async Task<IReadOnlyDictionary<Guid, T>> OpenAsync<T>(IQuerySession session, IReadOnlyDictionary<Guid, string> sealedByOwner, CancellationToken ct)
    {
        var keys = await LoadManyAsync(session, sealedByOwner.Keys, ct);
        return keys.ToDictionary(k => k.Key, k => Aead.Open<T>(k.Value, sealedByOwner[k.Key])!);
    }

    /// <summary>What <see cref="SealText"/> sealed, by owner, for the owners whose key still exists (one query for all of them).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OpenTextsAsync(IQuerySession session, IReadOnlyDictionary<Guid, string> sealedByOwner,
        CancellationToken ct)
    {
        var keys = await LoadManyAsync(session, sealedByOwner.Keys, ct);
        return keys.ToDictionary(k => k.Key, k => Aead.OpenText(k.Value, sealedByOwner[k.Key]));
    }

    /// <summary>The owner's data key, or null once shredded (or never created).</summary>
    public async Task<byte[]?> LoadAsync(IQuerySession session, Guid owner, CancellationToken ct) =>
        await session.LoadAsync<DataKey>(owner, ct) is { } stored ? Ring.Unwrap(stored.AsWrapped(), owner) : null;

    /// <summary>The data keys of those owners that still have one.</summary>
    public async Task<IReadOnlyDictionary<Guid, byte[]>> LoadManyAsync(IQuerySession session, IEnumerable<Guid> owners, CancellationToken ct)
    {
        var ids = owners.Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<Guid, byte[]>();
        var stored = await session.LoadManyAsync<DataKey>(ct, ids);
        return stored.ToDictionary(k => k.Id, k => Ring.Unwrap(k.AsWrapped(), k.Id));
    }

    /// <summary>Deletes the owner's data key, in the session's transaction: what was sealed under it can no longer be opened.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Part of the DataKeys service's API, reached through the injected instance like its other members.")]
    public void Shred(IDocumentSession session, Guid owner) => session.Delete<DataKey>(owner);

    /// <summary>How many data keys are wrapped under each key-encryption key id.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Part of the DataKeys service's API, reached through the injected instance like its other members.")]
    public async Task<IReadOnlyDictionary<string, int>> CountByKeyAsync(IQuerySession session, CancellationToken ct)
    {
        var ids = await session.Query<DataKey>().Select(k => k.KeyId).ToListAsync(ct);
        return ids.GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// Re-wraps every data key wrapped under an older key of the ring with the current one, <paramref name="batchSize"/>
    /// keys per transaction, while the service runs: a key erased meanwhile stays erased (an update never re-creates a
    /// row), and one created meanwhile is already under the current key. Keys wrapped under an id the ring no longer
    /// holds cannot be opened and are counted, not touched. <paramref name="progress"/> hears after every batch.
    /// </summary>
    public async Task<RewrapResult> RewrapAsync(IDocumentStore store, TimeProvider clock, int batchSize, Action<RewrapResult>? progress,
        CancellationToken ct)
    {
        var older = Ring.KeyIds.Where(id => id != Ring.CurrentId).ToArray();
        int rewrapped = 0, vanished = 0, remaining;
        await using (var query = store.QuerySession())
            remaining = older.Length == 0 ? 0 : await query.Query<DataKey>().CountAsync(k => older.Contains(k.KeyId), ct);
        var total = remaining;
        while (remaining > 0)
        {
            await using var session = store.LightweightSession();
            var batch = await session.Query<DataKey>().Where(k => older.Contains(k.KeyId)).OrderBy(k => k.Id).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var key in batch)
            {
                var rewrap = Ring.Wrap(Ring.Unwrap(key.AsWrapped(), key.Id), key.Id);
                key.KeyId = rewrap.KeyId;
                key.Wrapped = rewrap.Ciphertext;
                key.RewrappedAt = clock.GetUtcNow();
                // Update, never Store: an upsert would bring back a key erased since the batch was read.
                session.Update(key);
            }
            try
            {
                await session.SaveChangesAsync(ct);
                rewrapped += batch.Count;
            }
            catch (Exception e) when (e is Marten.Exceptions.NonExistentDocumentException || e.InnerException is Marten.Exceptions.NonExistentDocumentException)
            {
                // one of the batch was erased meanwhile: take the batch again key by key
                foreach (var key in batch)
                {
                    await using var single = store.LightweightSession();
                    single.Update(key);
                    try
                    {
                        await single.SaveChangesAsync(ct);
                        rewrapped++;
                    }
                    catch (Exception inner) when (inner is Marten.Exceptions.NonExistentDocumentException || inner.InnerException is Marten.Exceptions.NonExistentDocumentException)
                    {
                        vanished++;
                    }
                }
            }
            await using var count = store.QuerySession();
            remaining = await count.Query<DataKey>().CountAsync(k => older.Contains(k.KeyId), ct);
            progress?.Invoke(new RewrapResult(Ring.CurrentId, total, rewrapped, vanished, remaining, 0));
        }
        await using var final = store.QuerySession();
        var unknown = await final.Query<DataKey>().CountAsync(k => k.KeyId != Ring.CurrentId && !older.Contains(k.KeyId), ct);
        return new RewrapResult(Ring.CurrentId, total, rewrapped, vanished, remaining, unknown);
    }
}

/// <param name="CurrentKeyId">The key-encryption key the keys are now wrapped under.</param>
/// <param name="Total">Keys under older key-encryption keys when the run began.</param>
/// <param name="Rewrapped">Keys wrapped again under it by this run.</param>
/// <param name="Vanished">Keys erased while the run went on (left erased).</param>
/// <param name="Remaining">Keys still under older key-encryption keys.</param>
/// <param name="Unreadable">Keys under a key id the ring does not hold: they cannot be opened by this configuration.</param>
public sealed record RewrapResult(string CurrentKeyId, int Total, int Rewrapped, int Vanished, int Remaining, int Unreadable);

public static class DataKeysRegistration
{
    /// <summary>
    /// Data keys for the service, wrapped under the ring <c>{prefix}:KeyEncryptionKey</c> (see <see cref="KeyRing"/>);
    /// their table joins the service's Marten schema.
    /// </summary>
    public static WebApplicationBuilder AddDataKeys(this WebApplicationBuilder builder, string prefix, string purpose)
    {
        var ring = KeyRing.FromConfiguration(builder.Configuration, prefix, "KeyEncryptionKey", purpose, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(new DataKeys(ring));
        builder.Services.ConfigureMarten(o => o.Schema.For<DataKey>());
        return builder;
    }
}
