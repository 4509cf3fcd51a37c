using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommunitySafety.ServiceDefaults;

/// <summary>
/// Settings a service reads from one section of its configuration. They are checked when the service starts
/// (<c>ValidateOnStart</c>): a service with a setting it cannot work with does not start, and says which.
/// </summary>
/// <typeparam name="TSelf">The settings themselves.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "The section is a static abstract member: each kind of settings names its own, read by AddSettings<T>.")]
public interface ISettings<TSelf> where TSelf : class, ISettings<TSelf>
{
    /// <summary>The configuration section (<c>Funding:ThreeSixtyGiving</c>).</summary>
    static abstract string Section { get; }

    /// <summary>What is wrong with these settings, one sentence each; none when they can be used.</summary>
    IEnumerable<string> Faults();
}

/// <summary>Binds <see cref="ISettings{TSelf}"/> the one way: options bound from their section, validated on start.</summary>
public static class SettingsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from its section, checks its <see cref="ISettings{TSelf}.Faults"/> when the service
    /// starts, and lets handlers and endpoints take the settings themselves (as well as <c>IOptions&lt;T&gt;</c>).
    /// </summary>
    /// <typeparam name="T">The settings.</typeparam>
    /// <param name="builder">The service's builder.</param>
    /// <param name="defaults">Settings to start from when the section says nothing at all (otherwise <c>new T()</c>).</param>
    public static OptionsBuilder<T> AddSettings<T>(this IHostApplicationBuilder builder, Func<T>? defaults = null)
        where T : class, ISettings<T>, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(T.Section);
        if (defaults is not null) builder.Services.AddTransient<IOptionsFactory<T>>(sp => new DefaultedFactory<T>(section, defaults,
            sp.GetServices<IConfigureOptions<T>>(), sp.GetServices<IPostConfigureOptions<T>>(), sp.GetServices<IValidateOptions<T>>()));
        builder.Services.AddSingleton<IValidateOptions<T>, FaultsValidation<T>>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return builder.Services.AddOptions<T>().Bind(section).ValidateOnStart();
    }

    private sealed class FaultsValidation<T> : IValidateOptions<T> where T : class, ISettings<T>
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var faults = options.Faults().Select(f => $"{T.Section}: {f}").ToList();
            return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
        }
    }

    // An absent section starts from the defaults given; a present one is bound onto new T() as usual.
    private sealed class DefaultedFactory<T>(IConfigurationSection section, Func<T> defaults, IEnumerable<IConfigureOptions<T>> setups,
        IEnumerable<IPostConfigureOptions<T>> postConfigures, IEnumerable<IValidateOptions<T>> validations)
        : OptionsFactory<T>(setups, postConfigures, validations) where T : class, ISettings<T>, new()
    {
        protected override T CreateInstance(string name) => section.Exists() ? base.CreateInstance(name) : defaults();
    }
}
