namespace ApprovalCenter.Cases.Actions;

/// <summary>The kinds of value an action input may carry. Everything arrives as text (form posts)
/// or JSON scalars (the API) and is normalised here, so both paths store the same value.</summary>
public enum InputType
{
    /// <summary>One line of text (trimmed, at most <see cref="InputSpec.MaxLength"/> characters).</summary>
    Text,
    /// <summary>Several lines of text (reasons, opinions, findings).</summary>
    LongText,
    /// <summary>A whole number between <see cref="InputSpec.Min"/> and <see cref="InputSpec.Max"/>; stored as text.</summary>
    Integer,
    /// <summary>One of <see cref="InputSpec.Choices"/>.</summary>
    Choice,
    /// <summary>Yes or no ("true"/"false", "on" from a checkbox).</summary>
    Boolean,
    /// <summary>A calendar date written yyyy-MM-dd; stored as that text.</summary>
    Date,
    /// <summary>"材料：原因" lines naming materials of the case's item, each with a reason (the one-time notice).</summary>
    MaterialReasons,
}

/// <summary>One key a client may send with an action, with its type, range and the Chinese message
/// shown when the value is missing or wrong. Anything not declared is refused with 400 naming the key.</summary>
public sealed record InputSpec(
    string Key, string Label, string LabelEn, InputType Type, string Message,
    bool Required = false, int? Min = null, int? Max = null, int MaxLength = 2000, IReadOnlyList<string>? Choices = null)
{
    public static InputSpec Text(string key, string label, string labelEn, string message, bool required = true, int maxLength = 200) =>
        new(key, label, labelEn, InputType.Text, message, required, MaxLength: maxLength);

    public static InputSpec Long(string key, string label, string labelEn, string message, bool required = true) =>
        new(key, label, labelEn, InputType.LongText, message, required);

    public static InputSpec Int(string key, string label, string labelEn, string message, int min, int max, bool required = true) =>
        new(key, label, labelEn, InputType.Integer, message, required, min, max);

    public static InputSpec Choice(string key, string label, string labelEn, string message, IReadOnlyList<string> choices, bool required = true) =>
        new(key, label, labelEn, InputType.Choice, message, required, Choices: choices);

    public static InputSpec Date(string key, string label, string labelEn, string message, bool required = true) =>
        new(key, label, labelEn, InputType.Date, message, required);

    public static InputSpec Bool(string key, string label, string labelEn, string message, bool required = false) =>
        new(key, label, labelEn, InputType.Boolean, message, required);
}
