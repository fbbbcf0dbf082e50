namespace Smarketing.Domain.Common;

/// <summary>
/// Text a person typed (a name, a company, a reason), placed inside a sentence Smarketing writes. Stored exactly as
/// typed; only the sentence built around it marks where it starts and ends.
/// </summary>
public static class UserText
{
    /// <summary>Unicode's first-strong isolate: what follows takes its direction from its own first letter.</summary>
    public const char FirstStrongIsolate = '\u2068';

    /// <summary>Ends the isolate, and with it any override or embedding the text left open.</summary>
    public const char PopDirectionalIsolate = '\u2069';

    /// <summary>
    /// <paramref name="text"/> as an isolate, so a right-to-left override or embedding inside it reorders only its own
    /// characters, never the words after it: "Ann\u202Efdp.exe is due Monday" keeps "is due Monday" reading as written.
    /// </summary>
    public static string Isolate(string? text) => $"{FirstStrongIsolate}{text}{PopDirectionalIsolate}";
}
