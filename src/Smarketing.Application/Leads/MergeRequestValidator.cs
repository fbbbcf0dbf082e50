using FluentValidation;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

public sealed class MergeRequestValidator : AbstractValidator<MergeRequest>
{
    private static readonly string Choices = string.Join(", ", LeadMergeFields.All.Select(LeadMergeFields.ApiName));

    public MergeRequestValidator()
    {
        RuleFor(r => r.DuplicateId).NotEmpty().WithMessage("Name the duplicate lead to merge into this one by its id.");
        RuleFor(r => r.TakeFromDuplicate)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Say which details to take from the duplicate; an empty list keeps all of this lead's own.")
            .Must(fields => fields!.Count <= LeadMergeFields.All.Count)
            .WithMessage($"Name at most {LeadMergeFields.All.Count} details to take from the duplicate: {Choices}.");
        RuleForEach(r => r.TakeFromDuplicate)
            .Must(name => LeadMergeFields.Parse(name) is not null)
            .WithMessage((_, name) => $"{Describe(name)} is not a detail taken from a duplicate. Choose from: {Choices}. Each lead keeps its own email and external id.");
    }

    private static string Describe(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "An empty name" : name.Length > 40 ? "That name" : $"'{name.Trim()}'";
}
