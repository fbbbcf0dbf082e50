using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Smarketing.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // A validator costs a rule tree to build: one of each for the life of the app, unless it needs a scoped service
        // (a database look-up), in which case one per scope.
        var assembly = typeof(DependencyInjection).Assembly;
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, filter: v => StandsAlone(v.ValidatorType));
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, filter: v => !StandsAlone(v.ValidatorType));
        services.AddSingleton<Agreements.AgreementChangeFeed>();
        services.AddScoped<Agreements.AgreementService>();
        services.AddSingleton<Leads.LeadRequestValidators>();
        services.AddScoped<Leads.LeadService>();
        services.AddScoped<Leads.LeadExport>();
        services.AddScoped<Leads.LeadIntake>();
        services.AddScoped<Leads.Import.LeadCsvImport>();
        services.AddScoped<Imports.HistoryRowReader>();
        services.AddScoped<Imports.HistoryImport>();
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

    private static bool StandsAlone(Type validator) => validator.GetConstructors().All(c => c.GetParameters().Length == 0);
}
