using System.Net.Sockets;
using Marten;
using Marten.Services;
using Npgsql;

namespace CommunitySafety.TestSupport;

/// <summary>
/// Makes the database fail under a write on purpose, as a restart of PostgreSQL does: armed for a kind of document, each of
/// the next <c>n</c> commits that store one fails with the exception Npgsql throws when its connection is cut. Registered as
/// a Marten listener in every service fixture; disarmed, it does nothing.
/// </summary>
public sealed class DatabaseOutage : DocumentSessionListenerBase
{
    private readonly object _gate = new();
    private Func<IUnitOfWork, bool>? _applies;
    private int _remaining;

    /// <summary>How many commits failed so far.</summary>
    public int Failed { get; private set; }

    public void Arm<TDocument>(int times)
    {
        lock (_gate) (_applies, _remaining, Failed) = (changes => changes.AllChangedFor<TDocument>().Any(), times, 0);
    }

    public void Disarm()
    {
        lock (_gate) (_applies, _remaining) = (null, 0);
    }

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        lock (_gate)
        {
            if (_remaining == 0 || !_applies!(session.PendingChanges)) return Task.CompletedTask;
            _remaining--;
            Failed++;
        }
        throw new NpgsqlException("Exception while reading from stream (simulated: the server closed the connection)",
            new IOException("Unable to read data from the transport connection", new SocketException((int)SocketError.ConnectionReset)));
    }
}
