using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Common;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;

namespace Smarketing.Infrastructure.Identity;

/// <summary>
/// Account administration through Identity's UserManager. Each operation runs in its own service scope,
/// so a long-lived Blazor circuit never holds a stale DbContext.
/// </summary>
internal sealed class UserAdministration(
    IServiceScopeFactory scopeFactory,
    CurrentUser currentUser,
    IValidator<CreateUserRequest> createValidator,
    IValidator<ChangeRolesRequest> changeRolesValidator) : IUserAdministration
{
    public async Task<Result<IReadOnlyList<UserSummary>>> ListAsync(CancellationToken ct = default)
    {
        if (RefuseNonAdmin() is { } refusal)
        {
            return Result<IReadOnlyList<UserSummary>>.Fail(refusal);
        }

        await using var scope = OpenScope();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.SmarketingDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            select new { userRole.UserId, role.Name }).ToListAsync(ct);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return users.Select(u => ToSummary(u, rolesByUser[u.Id].Order().ToList())).ToList();
    }

    public async Task<Result<UserSummary>> CreateAsync(CreateUserRequest request, CancellationToken ct = default)
    {
        if (RefuseNonAdmin() is { } refusal)
        {
            return Result<UserSummary>.Fail(refusal);
        }

        if (await createValidator.CheckAsync(request, ct) is { } invalid)
        {
            return Result<UserSummary>.Fail(invalid);
        }

        await using var scope = OpenScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.SmarketingDbContext>();
        var email = request.Email.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            IsServiceAccount = request.IsServiceAccount,
            Team = string.IsNullOrWhiteSpace(request.Team) ? null : request.Team.Trim(),
        };

        // User and roles land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = request.IsServiceAccount
            ? await users.CreateAsync(user)
            : await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return Result<UserSummary>.Fail(FromIdentity(created));
        }

        var rolesAdded = await users.AddToRolesAsync(user, request.Roles.Distinct());
        if (!rolesAdded.Succeeded)
        {
            return Result<UserSummary>.Fail(FromIdentity(rolesAdded));
        }

        await transaction.CommitAsync(ct);
        return ToSummary(user, request.Roles.Distinct().Order().ToList());
    }

    public async Task<Result> ChangeRolesAsync(ChangeRolesRequest request, CancellationToken ct = default)
    {
        if (RefuseNonAdmin() is { } refusal)
        {
            return refusal;
        }

        if (await changeRolesValidator.CheckAsync(request, ct) is { } invalid)
        {
            return invalid;
        }

        await using var scope = OpenScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.SmarketingDbContext>();
        var user = await users.FindByIdAsync(request.UserId);
        if (user is null)
        {
            return Result.NotFound("That user does not exist.");
        }

        if (user.Id == currentUser.UserId && !request.Roles.Contains(Roles.Admin))
        {
            return Result.Invalid(nameof(ChangeRolesRequest.Roles), "You cannot remove the Admin role from yourself.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await users.GetRolesAsync(user);
        var wanted = request.Roles.Distinct().ToList();
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!added.Succeeded)
        {
            return FromIdentity(added);
        }

        user.Team = string.IsNullOrWhiteSpace(request.Team) ? null : request.Team.Trim();
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return FromIdentity(updated);
        }

        // A new security stamp makes open sessions pick up the new roles at their next check.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(ct);
        return Result.Success();
    }

    public async Task<Result> SetActiveAsync(string userId, bool active, CancellationToken ct = default)
    {
        if (RefuseNonAdmin() is { } refusal)
        {
            return refusal;
        }

        if (userId == currentUser.UserId && !active)
        {
            return Result.Invalid("Active", "You cannot deactivate your own account.");
        }

        await using var scope = OpenScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound("That user does not exist.");
        }

        user.IsActive = active;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return FromIdentity(updated);
        }

        // Ends the person's open sessions at their next security-stamp check.
        await users.UpdateSecurityStampAsync(user);
        return Result.Success();
    }

    private Result? RefuseNonAdmin() =>
        currentUser.IsInRole(Roles.Admin) ? null : Result.Forbidden("Only an admin can manage users.");

    private AsyncServiceScope OpenScope()
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = currentUser.Principal;
        return scope;
    }

    private static UserSummary ToSummary(AppUser user, IReadOnlyList<string> roles) =>
        new(user.Id, user.Email!, user.DisplayName, roles, user.IsActive, user.IsServiceAccount, user.Team);

    private static Result FromIdentity(IdentityResult result)
    {
        var errors = result.Errors
            .GroupBy(e => e.Code switch
            {
                var c when c.StartsWith("Password", StringComparison.Ordinal) => nameof(CreateUserRequest.Password),
                var c when c.Contains("Email", StringComparison.Ordinal) || c.Contains("UserName", StringComparison.Ordinal) => nameof(CreateUserRequest.Email),
                var c when c.Contains("Role", StringComparison.Ordinal) => nameof(CreateUserRequest.Roles),
                "ConcurrencyFailure" => "",
                _ => "",
            })
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return result.Errors.Any(e => e.Code == "ConcurrencyFailure")
            ? Result.Conflict("Someone else changed this user at the same time. Reload and try again.")
            : Result.Invalid(errors);
    }
}

internal sealed class UserLookup(Microsoft.EntityFrameworkCore.IDbContextFactory<Persistence.SmarketingDbContext> dbFactory) : IUserLookup
{
    public async Task<bool> EmailInUseAsync(string email, CancellationToken ct = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct);
    }
}
