namespace ApprovalCenter.Hall;

/// <summary>A refused hall operation: the HTTP status the API answers with, the field at fault
/// (for the form's error summary and ProblemDetails' errors) and a Chinese message.</summary>
public sealed class HallException(int status, string? field, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string? Field { get; } = field;

    public static HallException Invalid(string field, string message) => new(400, field, message);
    public static HallException NotFound(string field, string message) => new(404, field, message);
    public static HallException Conflict(string message, string? field = null) => new(409, field, message);
    public static HallException Closed(string field, string message) => new(422, field, message);
}

/// <summary>Who acts at the hall (a clerk, an applicant, the kiosk).</summary>
public sealed record HallActor(string UserId, string Name)
{
    public static readonly HallActor Kiosk = new("kiosk", "自助取号机");
}
