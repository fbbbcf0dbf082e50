using FluentValidation;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Users;

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxEmailLength = TextLimits.Email;
    public const int MaxTeamLength = 50;

    public CreateUserRequestValidator(IUserLookup users)
    {
        RuleFor(r => r.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .MaximumLength(MaxEmailLength).WithMessage($"Email must be at most {MaxEmailLength} characters.")
            .Must(BeAnEmailAddress).WithMessage("Email must be an address like name@company.com.")
            .MustAsync(async (email, ct) => !await users.EmailInUseAsync(email.Trim(), ct))
            .WithMessage(r => $"Email {r.Email.Trim()} already belongs to another user.");

        RuleFor(r => r.DisplayName)
            .NotEmpty().WithMessage("Display name is required.")
            .MaximumLength(MaxDisplayNameLength).WithMessage($"Display name must be at most {MaxDisplayNameLength} characters.");

        When(r => !r.IsServiceAccount, () =>
            RuleFor(r => r.Password)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Password is required.")
                .Custom((password, context) =>
                {
                    foreach (var problem in PasswordPolicy.Problems(password!))
                    {
                        context.AddFailure(nameof(CreateUserRequest.Password), problem);
                    }
                }));

        RuleFor(r => r.Roles).MustBeKnownRoles();
        RuleFor(r => r.Team).MaximumLength(CreateUserRequestValidator.MaxTeamLength).WithMessage($"Team must be at most {CreateUserRequestValidator.MaxTeamLength} characters.");
    }

    internal static bool BeAnEmailAddress(string email)
    {
        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@');
        return at > 0
            && at == trimmed.LastIndexOf('@')
            && at < trimmed.Length - 1
            && trimmed[(at + 1)..].Contains('.')
            && !trimmed.EndsWith('.')
            && !trimmed.Any(char.IsWhiteSpace);
    }
}

public sealed class ChangeRolesRequestValidator : AbstractValidator<ChangeRolesRequest>
{
    public ChangeRolesRequestValidator()
    {
        RuleFor(r => r.UserId).NotEmpty().WithMessage("User is required.");
        RuleFor(r => r.Roles).MustBeKnownRoles();
        RuleFor(r => r.Team).MaximumLength(CreateUserRequestValidator.MaxTeamLength).WithMessage($"Team must be at most {CreateUserRequestValidator.MaxTeamLength} characters.");
    }
}

// A rule, not a child validator: a child validator on Roles reports its errors as "Roles.Roles" and skips a null list.
internal static class RoleRules
{
    public static IRuleBuilderOptions<T, List<string>> MustBeKnownRoles<T>(this IRuleBuilderInitial<T, List<string>> rule) =>
        rule
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose at least one role.")
            .Must(roles => roles.All(Domain.Common.Roles.IsKnown))
            .WithMessage((_, roles) => $"Unknown role: {string.Join(", ", roles.Where(r => !Domain.Common.Roles.IsKnown(r)))}. Roles are {string.Join(", ", Domain.Common.Roles.All)}.");
}
