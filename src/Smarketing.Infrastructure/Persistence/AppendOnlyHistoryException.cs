namespace Smarketing.Infrastructure.Persistence;

/// <summary>A write tried to change or delete history (a lead event, a signature, an adopted version). Always a bug.</summary>
public sealed class AppendOnlyHistoryException(string message) : InvalidOperationException($"History is append-only: {message}");
