using FluentValidation;
using FluentValidation.Results;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Common;

public static class ValidationExtensions
{
    /// <summary>Runs a validator and turns its failures into an Invalid result keyed by field; null when valid.</summary>
    public static async Task<Result?> CheckAsync<T>(this IValidator<T> validator, T request, CancellationToken ct = default)
    {
        var outcome = await validator.ValidateAsync(request, ct);
        return outcome.IsValid ? null : Result.Invalid(outcome.Errors.ToErrorDictionary());
    }

    public static IReadOnlyDictionary<string, string[]> ToErrorDictionary(this IEnumerable<ValidationFailure> failures) =>
        failures
            .GroupBy(f => f.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
}
