namespace CommunitySafety.Web.Components.Govuk;

/// <summary>An option of radios or a select: the value posted, the text shown, an optional hint.</summary>
public sealed record Choice(string Value, string Text, string? Hint = null);
