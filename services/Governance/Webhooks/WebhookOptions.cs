namespace CommunitySafety.Governance.Webhooks;

/// <summary>
/// The <c>Webhooks</c> configuration section. Both switches are off in production: subscriptions then reach only public
/// addresses over https. Development (appsettings.Development.json) and the end-to-end tests, whose receivers listen on
/// this machine, turn on <see cref="AllowLoopbackHttp"/>.
/// </summary>
public sealed class WebhookOptions : ISettings<WebhookOptions>
{
    /// <inheritdoc />
    public static string Section => "Webhooks";

    /// <summary>Allow http (and https) to loopback addresses (127.0.0.0/8, ::1) — for local receivers only.</summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>Allow private, link-local, CGNAT and unique-local addresses (never the cloud metadata address).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <inheritdoc />
    public IEnumerable<string> Faults() => [];
}
