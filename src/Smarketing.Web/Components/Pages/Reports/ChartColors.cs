namespace Smarketing.Web.Components.Pages.Reports;

/// <summary>Chart colours mid-way in tone, so bars and lines stand out (3:1 or more) on the light and on the dark page.</summary>
internal static class ChartColors
{
    public const string Blue = "#3b82f6";
    public const string Green = "#16a34a";
    public const string Amber = "#d97706";
    public const string Red = "#dc2626";
    public const string Grey = "#6b7280";
}
