using FluentValidation;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Users;

/// <summary>
/// How one person reads Smarketing: the time zone times are shown in (none chosen: the agreement calendar's zone)
/// and light or dark mode.
/// </summary>
public sealed record UserPreferences(string? TimeZoneId, bool DarkMode);

public sealed class SaveUserPreferencesRequest
{
    /// <summary>An IANA time zone such as America/New_York, "UTC", or empty for the agreement calendar's zone.</summary>
    public string? TimeZoneId { get; set; }

    public bool? DarkMode { get; set; }
}

public sealed class SaveUserPreferencesRequestValidator : AbstractValidator<SaveUserPreferencesRequest>
{
    public const int MaxTimeZoneLength = 64;

    public SaveUserPreferencesRequestValidator()
    {
        RuleFor(r => r.TimeZoneId)
            .Cascade(CascadeMode.Stop)
            .MaximumLength(MaxTimeZoneLength).WithMessage($"Time zone must be at most {MaxTimeZoneLength} characters.")
            .Must(id => string.IsNullOrWhiteSpace(id) || BusinessCalendar.IsKnownTimeZone(id.Trim()))
            .WithMessage(r => $"Time zone '{r.TimeZoneId}' is not one this server knows; pick one from the list, such as America/New_York or UTC.");

        RuleFor(r => r.DarkMode).NotNull().WithMessage("Dark mode is required: true or false.");
    }
}

/// <summary>Where each person's preferences are kept (with their account).</summary>
public interface IUserPreferenceStore
{
    Task<UserPreferences?> GetAsync(string userId, CancellationToken ct = default);

    /// <summary>
    /// Writes only the preferences given (a null leaves that one as it is), so two tabs changing different
    /// preferences at once never undo each other. False when the user does not exist.
    /// </summary>
    Task<bool> SaveAsync(string userId, string? timeZoneId, bool setTimeZone, bool? darkMode, CancellationToken ct = default);
}

/// <summary>The time zone the signed-in person reads times in.</summary>
public interface IViewerTimeZone
{
    /// <summary>Their own choice, else the agreement calendar's zone, else UTC when there is no agreement yet.</summary>
    Task<TimeZoneInfo> ViewerZoneAsync(CancellationToken ct = default);
}

/// <summary>The signed-in person's preferences, and the time zone they read times in.</summary>
public sealed class UserPreferencesService(
    IUserPreferenceStore store,
    ICurrentUser currentUser,
    AgreementService agreements,
    IValidator<SaveUserPreferencesRequest> validator) : IViewerTimeZone
{
    public static readonly UserPreferences Defaults = new(null, false);

    public async Task<UserPreferences> GetAsync(CancellationToken ct = default) =>
        currentUser.UserId is { } id ? await store.GetAsync(id, ct) ?? Defaults : Defaults;

    public async Task<Result<UserPreferences>> SaveAsync(SaveUserPreferencesRequest request, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } id)
        {
            return Result<UserPreferences>.Fail(Result.Forbidden("Sign in to keep your preferences."));
        }

        if (await validator.CheckAsync(request, ct) is { } invalid)
        {
            return Result<UserPreferences>.Fail(invalid);
        }

        return await WriteAsync(id, Zone(request.TimeZoneId), setTimeZone: true, request.DarkMode!.Value, ct);
    }

    /// <summary>Only the light/dark choice; the time zone is not touched.</summary>
    public async Task<Result<UserPreferences>> SetDarkModeAsync(bool dark, CancellationToken ct = default) =>
        currentUser.UserId is { } id
            ? await WriteAsync(id, null, setTimeZone: false, dark, ct)
            : Result<UserPreferences>.Fail(Result.Forbidden("Sign in to keep your preferences."));

    /// <summary>Only the time zone (empty: the agreement calendar's); light or dark mode is not touched.</summary>
    public async Task<Result<UserPreferences>> SetTimeZoneAsync(string? timeZoneId, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } id)
        {
            return Result<UserPreferences>.Fail(Result.Forbidden("Sign in to keep your preferences."));
        }

        // Dark mode is given only to satisfy the validator; it is not written.
        var request = new SaveUserPreferencesRequest { TimeZoneId = timeZoneId, DarkMode = false };
        if (await validator.CheckAsync(request, ct) is { } invalid)
        {
            return Result<UserPreferences>.Fail(invalid);
        }

        return await WriteAsync(id, Zone(timeZoneId), setTimeZone: true, darkMode: null, ct);
    }

    private static string? Zone(string? timeZoneId) => string.IsNullOrWhiteSpace(timeZoneId) ? null : timeZoneId.Trim();

    private async Task<Result<UserPreferences>> WriteAsync(string userId, string? zone, bool setTimeZone, bool? darkMode, CancellationToken ct) =>
        await store.SaveAsync(userId, zone, setTimeZone, darkMode, ct)
            ? Result<UserPreferences>.Ok(await store.GetAsync(userId, ct) ?? Defaults)
            : Result<UserPreferences>.Fail(Result.NotFound("Your account no longer exists."));

    /// <summary>
    /// The zone this person reads times in: their own choice, else the time zone of the agreement calendar in force
    /// (the one the SLA clocks run on), else UTC when there is no agreement yet.
    /// </summary>
    public async Task<TimeZoneInfo> ViewerZoneAsync(CancellationToken ct = default)
    {
        if ((await GetAsync(ct)).TimeZoneId is { } chosen && TimeZoneInfo.TryFindSystemTimeZoneById(chosen, out var zone))
        {
            return zone;
        }

        return await CalendarZoneAsync(ct);
    }

    /// <summary>The time zone of the agreement calendar in force; UTC when no agreement is in force yet.</summary>
    public async Task<TimeZoneInfo> CalendarZoneAsync(CancellationToken ct = default)
    {
        var inForce = await agreements.GetInForceAsync(ct);
        return inForce is null ? TimeZoneInfo.Utc : LocalTime.Zone(inForce.Content.Calendar.TimeZone);
    }
}
