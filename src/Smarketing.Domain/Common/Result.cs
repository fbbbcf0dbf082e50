namespace Smarketing.Domain.Common;

public enum ResultKind
{
    Success,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>
/// The outcome of an operation whose failures are expected (bad input, a missing record, a role
/// that may not act, someone else got there first). Exceptions stay for bugs.
/// </summary>
public class Result
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    protected Result(ResultKind kind, string? message, IReadOnlyDictionary<string, string[]>? errors)
    {
        Kind = kind;
        Message = message;
        Errors = errors ?? NoErrors;
    }

    public ResultKind Kind { get; }

    /// <summary>What went wrong, in words for a person; null on success.</summary>
    public string? Message { get; }

    /// <summary>Messages per field (the request's property name) when <see cref="Kind"/> is Invalid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool Succeeded => Kind == ResultKind.Success;

    public static Result Success() => new(ResultKind.Success, null, null);

    public static Result Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(ResultKind.Invalid, "Some fields need attention.", errors);

    public static Result Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Result NotFound(string message) => new(ResultKind.NotFound, message, null);

    public static Result Forbidden(string message) => new(ResultKind.Forbidden, message, null);

    public static Result Conflict(string message) => new(ResultKind.Conflict, message, null);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value) : base(ResultKind.Success, null, null) => _value = value;

    private Result(Result failure) : base(failure.Kind, failure.Message, failure.Errors)
    {
        if (failure.Succeeded)
        {
            throw new ArgumentException("A failure is needed to make a failed result.", nameof(failure));
        }
    }

    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"No value: the operation failed ({Kind}: {Message}).");

    public static Result<T> Ok(T value) => new(value);

    public static Result<T> Fail(Result failure) => new(failure);

    public static implicit operator Result<T>(T value) => new(value);
}
