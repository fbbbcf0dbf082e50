using Smarketing.Domain.Common;

namespace Smarketing.Application.Common;

/// <summary>
/// A page of a list as a program asks for it (?page=&amp;pageSize=). Pages start at 1; a page beyond the last is empty,
/// never the first page again, however large the number.
/// </summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Rows before this page; beyond int.MaxValue means beyond any list, so it is capped there.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (Page - 1L) * PageSize);

    public static Result<Paging> Parse(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = [$"'page' starts at 1, not {page}."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"'pageSize' must be between 1 and {MaxPageSize}, not {pageSize}."];
        }

        return errors.Count > 0
            ? Result<Paging>.Fail(Result.Invalid(errors))
            : new Paging(page ?? 1, pageSize ?? DefaultPageSize);
    }
}
