using FluentValidation;

namespace Smarketing.Application.ApiKeys;

public sealed class CreateApiKeyRequestValidator : AbstractValidator<CreateApiKeyRequest>
{
    public const int MaxNameLength = 80;

    public CreateApiKeyRequestValidator()
    {
        RuleFor(r => r.Name)
            .NotEmpty().WithMessage("Name is required, so you can tell your keys apart.")
            .MaximumLength(MaxNameLength).WithMessage($"Name must be at most {MaxNameLength} characters.");
    }
}
