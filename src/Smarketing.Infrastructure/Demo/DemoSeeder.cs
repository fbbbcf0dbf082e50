using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Identity;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Infrastructure.Demo;

/// <summary>
/// The demo users of product.md, each with password Demo123! and the API key "demo-" + the part of the
/// email before '@'. Runs only where Demo:Seed is true (Development by default); safe to run again.
/// </summary>
public sealed class DemoSeeder(UserManager<AppUser> users, SmarketingDbContext db)
{
    public const string Password = "Demo123!";

    public static IReadOnlyList<DemoUser> People { get; } =
    [
        new("marketing@demo.test", "Maya Marketing", Roles.MarketingManager, null),
        new("sales.manager@demo.test", "Sam Salesmanager", Roles.SalesManager, null),
        new("rep1@demo.test", "Riley Rep", Roles.SalesRep, "East"),
        new("rep2@demo.test", "Robin Rep", Roles.SalesRep, "East"),
        new("rep3@demo.test", "Reese Rep", Roles.SalesRep, "West"),
        new("leadership@demo.test", "Lee Leadership", Roles.Leadership, null),
        new("admin@demo.test", "Ada Admin", Roles.Admin, null),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var person in People)
        {
            var user = await users.FindByEmailAsync(person.Email);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = person.Email,
                    Email = person.Email,
                    EmailConfirmed = true,
                    DisplayName = person.DisplayName,
                    Team = person.Team,
                };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Demo user {person.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }

                await users.AddToRoleAsync(user, person.Role);
            }

            var secret = person.ApiKey;
            var hash = ApiKeySecrets.Hash(secret);
            if (!await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct))
            {
                db.ApiKeys.Add(new ApiKey { UserId = user.Id, Name = "Demo key", Prefix = ApiKeySecrets.DisplayPrefix(secret), Hash = hash });
                await db.SaveChangesAsync(ct);
            }
        }
    }
}

public sealed record DemoUser(string Email, string DisplayName, string Role, string? Team)
{
    public string ApiKey => "demo-" + Email[..Email.IndexOf('@')];
}
