using Smarketing.Application.Leads;
using Smarketing.Application.Leads.Import;

namespace Smarketing.Web.Components.Pages.Leads.Import;

/// <summary>The four steps of an import, in order, with their names as the step list shows them.</summary>
public enum ImportStep
{
    Upload,
    Mapping,
    Preview,
    Done,
}

internal static class ImportText
{
    public static IReadOnlyList<(ImportStep Step, string Label)> Steps { get; } =
    [
        (ImportStep.Upload, "Upload"), (ImportStep.Mapping, "Map columns"), (ImportStep.Preview, "Preview"), (ImportStep.Done, "Done"),
    ];

    /// <summary>What a run is doing, in words: the intake's step names are its own.</summary>
    public static string Step(IntakeProgress progress) => progress.Step switch
    {
        "Checking" => "Checking rows",
        "Saving" => "Writing leads",
        _ => progress.Step,
    };

    public static string Fate(LeadRowFate fate) => fate switch
    {
        LeadRowFate.Created => "New",
        LeadRowFate.Updated => "Updated",
        LeadRowFate.Merged => "Merged",
        _ => "Rejected",
    };

    public static MudBlazor.Color FateColor(LeadRowFate fate) => fate switch
    {
        LeadRowFate.Created => MudBlazor.Color.Success,
        LeadRowFate.Updated => MudBlazor.Color.Info,
        LeadRowFate.Merged => MudBlazor.Color.Secondary,
        _ => MudBlazor.Color.Error,
    };
}
