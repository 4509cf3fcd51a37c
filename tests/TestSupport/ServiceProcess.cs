using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CommunitySafety.TestSupport;

/// <summary>
/// A service of the platform started as its own process from its build output, on a free loopback port,
/// configured through environment variables with Aspire's keys, exactly as the run script starts it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private Process _process;
    private readonly StringBuilder _log = new();

    private ServiceProcess(string name, Process process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
    }

    public string Name { get; }
    public Uri Url { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <param name="name">The name the logs and failures use.</param>
    /// <param name="project">Path of the project folder from the repository root, e.g. services/Governance.</param>
    /// <param name="assembly">The assembly name, e.g. CommunitySafety.Governance.</param>
    /// <param name="environment">The process's environment variables, added to this one's.</param>
    /// <param name="port">Its port, when another process must know it first (a free one otherwise).</param>
    public static ServiceProcess Start(string name, string project, string assembly, IDictionary<string, string> environment, int? port = null)
    {
        var dll = Path.Combine(Repository.Root, project, "bin", Repository.Configuration, "net10.0", assembly + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{name} is not built: {dll}");

        var url = new Uri($"http://127.0.0.1:{port ?? Ports.Free()}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_URLS"] = url.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var service = new ServiceProcess(name, null!, url);
        service._process = service.Launch(start);
        return service;
    }

    private Process Launch(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Kills the process without warning (as a crash would: no graceful shutdown), then starts it again on the same
    /// address with the same configuration, and waits until it is healthy.
    /// </summary>
    public async Task CrashAndRestartAsync(TimeSpan healthTimeout)
    {
        var start = _process.StartInfo;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Append($"---- {Name} killed and restarted ----");
        _process = Launch(start);
        await WaitHealthyAsync(healthTimeout);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>Waits until <c>/health</c> answers 200, or fails with the end of the process's log.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) break;
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        var tail = string.Join('\n', Log.Split('\n').TakeLast(40));
        throw new TimeoutException($"{Name} did not become healthy within {timeout} (exited: {_process.HasExited}). Log tail:\n{tail}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it exited between the check and the kill: nothing left to stop
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

}

/// <summary>Where the repository and the build output are, seen from a test assembly.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (the services are built with the same).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CommunitySafety.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CommunitySafety.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Loopback ports for the processes the tests start.</summary>
public static class Ports
{
    /// <summary>A port nothing listens on just now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
