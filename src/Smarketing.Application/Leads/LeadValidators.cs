using FluentValidation;

namespace Smarketing.Application.Leads;

public sealed class LeadFieldsValidator : AbstractValidator<LeadFields>
{
    public const int MaxName = 100;
    public const int MaxText = 200;

    public LeadFieldsValidator()
    {
        RuleFor(l => l.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .MaximumLength(256).WithMessage("Email must be at most 256 characters.")
            .Must(Users.CreateUserRequestValidator.BeAnEmailAddress).WithMessage("Email must be an address like name@company.com.");
        RuleFor(l => l.ExternalId).MaximumLength(100).WithMessage("External id must be at most 100 characters.");
        RuleFor(l => l.FirstName).MaximumLength(MaxName).WithMessage($"First name must be at most {MaxName} characters.");
        RuleFor(l => l.LastName).MaximumLength(MaxName).WithMessage($"Last name must be at most {MaxName} characters.");
        RuleFor(l => l.Company).MaximumLength(MaxText).WithMessage($"Company must be at most {MaxText} characters.");
        RuleFor(l => l.Title).MaximumLength(MaxText).WithMessage($"Title must be at most {MaxText} characters.");
        RuleFor(l => l.Industry).MaximumLength(MaxName).WithMessage($"Industry must be at most {MaxName} characters.");
        RuleFor(l => l.Country).MaximumLength(MaxName).WithMessage($"Country must be at most {MaxName} characters.");
        RuleFor(l => l.Source).MaximumLength(MaxName).WithMessage($"Source must be at most {MaxName} characters.");
        RuleFor(l => l.Campaign).MaximumLength(MaxText).WithMessage($"Campaign must be at most {MaxText} characters.");
        RuleFor(l => l.CompanySize).InclusiveBetween(0, 10_000_000).WithMessage("Company size must be between 0 and 10,000,000 employees.");
        RuleFor(l => l.EngagementScore).InclusiveBetween(0, 1000).WithMessage("Engagement score must be between 0 and 1000.");
    }
}

public sealed class CreateLeadRequestValidator : AbstractValidator<CreateLeadRequest>
{
    public CreateLeadRequestValidator() => Include(new LeadFieldsValidator());
}

public sealed class UpdateLeadRequestValidator : AbstractValidator<UpdateLeadRequest>
{
    public UpdateLeadRequestValidator() => Include(new LeadFieldsValidator());
}

public sealed class ContactRequestValidator : AbstractValidator<ContactRequest>
{
    public ContactRequestValidator()
    {
        RuleFor(c => c.Channel).IsInEnum().WithMessage("Choose how you made contact: phone, email, meeting, LinkedIn or other.");
        RuleFor(c => c.Outcome).IsInEnum().WithMessage("Choose the outcome of the attempt.");
        RuleFor(c => c.Note).MaximumLength(2000).WithMessage("Note must be at most 2000 characters.");
    }
}
