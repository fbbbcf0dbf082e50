using Microsoft.Extensions.DependencyInjection;

namespace Smarketing.Infrastructure.Identity;

public static class SignInServices
{
    /// <summary>Password sign-in under <see cref="SignInPolicy"/>, and the per-request session check.</summary>
    public static IServiceCollection AddSignInServices(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<SignInFailureLog>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SessionStamps>();
        return services;
    }
}
