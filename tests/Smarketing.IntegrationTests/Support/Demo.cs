namespace Smarketing.IntegrationTests.Support;

/// <summary>The demo accounts of product.md ("Demo data").</summary>
internal static class Demo
{
    public const string Password = "Demo123!";
    public const string Admin = "admin@demo.test";
    public const string Rep1 = "rep1@demo.test";
    public const string Rep2 = "rep2@demo.test";
    public const string Rep3 = "rep3@demo.test";
    public const string SalesManager = "sales.manager@demo.test";
    public const string Leadership = "leadership@demo.test";

    public static readonly string[] Emails =
    [
        "marketing@demo.test", SalesManager, Rep1, Rep2, Rep3, Leadership, Admin,
    ];

    public static string UniqueEmail(string who = "person") => $"{who}.{Guid.NewGuid():N}@example.test";
}
