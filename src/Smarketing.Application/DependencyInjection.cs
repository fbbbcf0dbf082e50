using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Smarketing.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        AddValidatorsFrom(services, typeof(DependencyInjection).Assembly);
        services.AddSingleton<Agreements.AgreementChangeFeed>();
        services.AddScoped<Agreements.AgreementService>();
        services.AddScoped<Leads.LeadService>();
        services.AddSingleton<Agreements.AdoptedAgreementCache>();
        services.AddSingleton<Clocks.SlaMonitorSignal>();
        services.AddSingleton<Notifications.NotificationFeed>();
        services.AddScoped<Clocks.SlaClock>();
        services.AddScoped<Clocks.SlaMonitor>();
        services.AddScoped<Notifications.NotificationCenter>();
        services.AddScoped<Reports.ReportService>();
        services.AddScoped<Leads.RepAvailabilityService>();
        return services;
    }

    // FluentValidation.DependencyInjectionExtensions is not in the package feed; this is the part of it we use.
    private static void AddValidatorsFrom(IServiceCollection services, System.Reflection.Assembly assembly)
    {
        var validators =
            from type in assembly.GetTypes()
            where type is { IsAbstract: false, IsGenericTypeDefinition: false, IsPublic: true }
            from contract in type.GetInterfaces()
            where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IValidator<>)
            select (contract, type);

        foreach (var (contract, type) in validators)
        {
            services.AddScoped(contract, type);
        }
    }
}
