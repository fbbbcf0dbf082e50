using Smarketing.Domain.Common;

namespace Smarketing.Web.Api;

/// <summary>Turns expected failures into the API's problem details: 400 with per-field messages, 403, 404, 409.</summary>
internal static class ResultHttpExtensions
{
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.Succeeded ? onSuccess(result.Value) : result.ToProblem();

    public static IResult ToHttp(this Result result, Func<IResult> onSuccess) =>
        result.Succeeded ? onSuccess() : result.ToProblem();

    public static IResult ToProblem(this Result result) => result.Kind switch
    {
        ResultKind.Invalid => TypedResults.ValidationProblem(
            result.Errors.ToDictionary(e => ToCamelCase(e.Key), e => e.Value),
            detail: result.Message,
            title: "The request has invalid fields."),
        ResultKind.NotFound => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        ResultKind.Forbidden => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        ResultKind.Conflict => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        _ => throw new InvalidOperationException("A successful result is not a problem."),
    };

    // Field names in the API are camelCase, like its JSON ("Roles[0]" -> "roles[0]", "Clauses[2].Target" -> "clauses[2].target").
    private static string ToCamelCase(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
