using NJsonSchema;

namespace CommunitySafety.TestSupport;

/// <summary>
/// The published 360Giving Data Standard schemas (Standards/, v1.4.3), for checking an export: the package schema,
/// whose reference to the grant schema by its published URL is resolved to the local copy.
/// </summary>
public static class ThreeSixtyGivingSchema
{
    private const string GrantSchemaUrl = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";

    private static readonly Lazy<Task<JsonSchema>> Package = new(async () =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Standards");
        var text = (await File.ReadAllTextAsync(Path.Combine(folder, "360-giving-package-schema.json"))).Replace(GrantSchemaUrl, "360-giving-schema.json");
        if (!text.Contains("\"360-giving-schema.json\"")) throw new InvalidOperationException("The package schema no longer refers to the grant schema as expected.");
        return await JsonSchema.FromJsonAsync(text, Path.Combine(folder, "360-giving-package-schema.json"));
    });

    /// <summary>The validation errors of a 360Giving package (none when it conforms).</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string packageJson) =>
        (await Package.Value).Validate(packageJson).Select(e => e.ToString()).ToList();
}
