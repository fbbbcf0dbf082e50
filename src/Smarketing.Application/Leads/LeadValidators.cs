using FluentValidation;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

public sealed class LeadFieldsValidator : AbstractValidator<LeadFields>
{
    public LeadFieldsValidator()
    {
        RuleFor(l => l.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .MaximumLength(TextLimits.Email).WithMessage($"Email must be at most {TextLimits.Email} characters.")
            .Must(Users.CreateUserRequestValidator.BeAnEmailAddress).WithMessage("Email must be an address like name@company.com.");
        RuleFor(l => l.ExternalId).MaximumLength(LeadLimits.ExternalId).WithMessage($"External id must be at most {LeadLimits.ExternalId} characters.");
        RuleFor(l => l.FirstName).MaximumLength(LeadLimits.Name).WithMessage($"First name must be at most {LeadLimits.Name} characters.");
        RuleFor(l => l.LastName).MaximumLength(LeadLimits.Name).WithMessage($"Last name must be at most {LeadLimits.Name} characters.");
        RuleFor(l => l.Company).MaximumLength(LeadLimits.Text).WithMessage($"Company must be at most {LeadLimits.Text} characters.");
        RuleFor(l => l.Title).MaximumLength(LeadLimits.Text).WithMessage($"Title must be at most {LeadLimits.Text} characters.");
        RuleFor(l => l.Industry).MaximumLength(LeadLimits.Name).WithMessage($"Industry must be at most {LeadLimits.Name} characters.");
        RuleFor(l => l.Country).MaximumLength(LeadLimits.Name).WithMessage($"Country must be at most {LeadLimits.Name} characters.");
        RuleFor(l => l.Source).MaximumLength(LeadLimits.Name).WithMessage($"Source must be at most {LeadLimits.Name} characters.");
        RuleFor(l => l.Campaign).MaximumLength(LeadLimits.Text).WithMessage($"Campaign must be at most {LeadLimits.Text} characters.");
        RuleFor(l => l.CompanySize).InclusiveBetween(0, LeadLimits.MaxCompanySize)
            .WithMessage($"Company size must be between 0 and {LeadLimits.MaxCompanySize:N0} employees.");
        RuleFor(l => l.EngagementScore).InclusiveBetween(0, LeadLimits.MaxEngagementScore)
            .WithMessage($"Engagement score must be between 0 and {LeadLimits.MaxEngagementScore}.");
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

public sealed class HandOffRequestValidator : AbstractValidator<HandOffRequest>
{
    /// <summary>The most leads one hand-off takes (the lead list's largest page).</summary>
    public const int MaxLeads = Common.Paging.MaxPageSize;

    public HandOffRequestValidator()
    {
        RuleFor(r => r.LeadIds).NotNull().WithMessage("Choose the leads to hand off.")
            .Must(ids => ids.Count <= MaxLeads).WithMessage($"Hand off at most {MaxLeads} leads at a time.");
        RuleFor(r => r.OverrideReason).MaximumLength(LeadLimits.Reason)
            .WithMessage($"The reason for handing off a lead that is not an MQL must be at most {LeadLimits.Reason} characters.");
    }
}

public sealed class ContactRequestValidator : AbstractValidator<ContactRequest>
{
    public ContactRequestValidator()
    {
        RuleFor(c => c.Channel).IsInEnum().WithMessage("Choose how you made contact: phone, email, meeting, LinkedIn or other.");
        RuleFor(c => c.Outcome).IsInEnum().WithMessage("Choose the outcome of the attempt.");
        RuleFor(c => c.Note).MaximumLength(LeadLimits.ContactNote).WithMessage($"Note must be at most {LeadLimits.ContactNote} characters.");
    }
}

/// <summary>A rejection or lost reason: which ones the agreement lists is the lead's rule; this only bounds the text.</summary>
public sealed class ReasonRequestValidator : AbstractValidator<ReasonRequest>
{
    public ReasonRequestValidator() =>
        RuleFor(r => r.Reason).MaximumLength(LeadLimits.ListedReason)
            .WithMessage($"Reason must be one of the agreement's reasons, at most {LeadLimits.ListedReason} characters.");
}

public sealed class WonRequestValidator : AbstractValidator<WonRequest>
{
    public WonRequestValidator()
    {
        RuleFor(r => r.Amount)
            .GreaterThan(0).WithMessage("The amount won must be positive.")
            .LessThanOrEqualTo(LeadLimits.MaxAmount).WithMessage($"The amount won must be at most {LeadLimits.MaxAmount:N0}.")
            .PrecisionScale(18, 2, ignoreTrailingZeros: true).WithMessage("The amount won has at most two decimals (cents).");
    }
}

public sealed class ReassignRequestValidator : AbstractValidator<ReassignRequest>
{
    public ReassignRequestValidator()
    {
        RuleFor(r => r.OwnerEmail).MaximumLength(TextLimits.Email).WithMessage($"Owner email must be at most {TextLimits.Email} characters.");
        RuleFor(r => r.Reason).MaximumLength(LeadLimits.Reason).WithMessage($"Reason must be at most {LeadLimits.Reason} characters.");
    }
}

/// <summary>The validators of every lead request, in one place for <see cref="LeadService"/>.</summary>
public sealed class LeadRequestValidators(
    IValidator<CreateLeadRequest> create,
    IValidator<UpdateLeadRequest> update,
    IValidator<HandOffRequest> handOff,
    IValidator<ContactRequest> contact,
    IValidator<ReasonRequest> reason,
    IValidator<WonRequest> won,
    IValidator<ReassignRequest> reassign)
{
    public IValidator<CreateLeadRequest> Create => create;
    public IValidator<UpdateLeadRequest> Update => update;
    public IValidator<HandOffRequest> HandOff => handOff;
    public IValidator<ContactRequest> Contact => contact;
    public IValidator<ReasonRequest> Reason => reason;
    public IValidator<WonRequest> Won => won;
    public IValidator<ReassignRequest> Reassign => reassign;
}
