using MudBlazor;

namespace Smarketing.Web.Components.Layout;

/// <summary>
/// Smarketing's one theme. The brand blue and every text colour keep WCAG AA contrast (4.5:1 or more) against the
/// background they sit on, in light and in dark mode; Roboto is served by the app itself (wwwroot/fonts).
/// </summary>
public static class SmarketingTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4ed8",
            Secondary = "#6d28d9",
            Tertiary = "#0f766e",
            Info = "#1e40af",
            Success = "#166534",
            Warning = "#92400e",
            Error = "#b91c1c",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2937",
            Background = "#f8fafc",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2937",
            DrawerIcon = "#374151",
            TextPrimary = "#1f2937",
            TextSecondary = "#4b5563",
            ActionDefault = "#374151",
            LinesDefault = "#d1d5db",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#93c5fd",
            PrimaryContrastText = "#0b1220",
            Secondary = "#c4b5fd",
            Tertiary = "#5eead4",
            Info = "#93c5fd",
            Success = "#86efac",
            Warning = "#fcd34d",
            Error = "#fca5a5",
            AppbarBackground = "#111827",
            AppbarText = "#f3f4f6",
            Background = "#0b1220",
            Surface = "#111827",
            DrawerBackground = "#111827",
            DrawerText = "#e5e7eb",
            DrawerIcon = "#d1d5db",
            TextPrimary = "#f3f4f6",
            TextSecondary = "#cbd5e1",
            ActionDefault = "#d1d5db",
            LinesDefault = "#374151",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "system-ui", "sans-serif"] },
            Button = new ButtonTypography { TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "248px" },
    };
}
