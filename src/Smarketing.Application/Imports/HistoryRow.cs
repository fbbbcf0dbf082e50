using Smarketing.Application.Leads;

namespace Smarketing.Application.Imports;

/// <summary>One lead of a history file, read and checked on its own: its fields and what happened to it, when.</summary>
public sealed record HistoryRow(
    int Line,
    CreateLeadRequest Lead,
    DateTimeOffset CreatedAt,
    DateTimeOffset? MqlAt,
    DateTimeOffset? HandedOffAt,
    string? OwnerEmail,
    DateTimeOffset? FirstContactAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? RejectedAt,
    string? RejectionReason,
    DateTimeOffset? WonAt,
    DateTimeOffset? LostAt,
    decimal? Amount);

/// <summary>A row that can't be imported: its line in the file (the header is line 1) and every reason.</summary>
public sealed record HistoryRowProblem(int Line, IReadOnlyList<string> Reasons);
