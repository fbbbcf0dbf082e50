using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Smarketing.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly);
        services.AddSingleton<Agreements.AgreementChangeFeed>();
        services.AddScoped<Agreements.AgreementService>();
        services.AddScoped<Leads.LeadRequestValidators>();
        services.AddScoped<Leads.LeadService>();
        services.AddScoped<Leads.LeadIntake>();
        services.AddScoped<Leads.LeadMerging>();
        services.AddSingleton<Agreements.AdoptedAgreementCache>();
        services.AddSingleton<Clocks.SlaMonitorSignal>();
        services.AddSingleton<Notifications.NotificationFeed>();
        services.AddScoped<Clocks.SlaClock>();
        services.AddScoped<Clocks.SlaMonitor>();
        services.AddScoped<Notifications.NotificationCenter>();
        services.AddScoped<Reports.ReportService>();
        services.AddScoped<Leads.RepAvailabilityService>();
        services.AddScoped<Users.UserPreferencesService>();
        services.AddScoped<Users.IViewerTimeZone>(sp => sp.GetRequiredService<Users.UserPreferencesService>());
        return services;
    }
}
