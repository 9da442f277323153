namespace CancelWorkflows.Service.Api;

/// <summary>The services behind <c>/v1/cancellations</c> (the authentication is registered by <see cref="ApiKeyAuthentication"/>).</summary>
public static class CancellationsApiRegistration
{
    public static IServiceCollection AddCancellationsApi(this IServiceCollection services)
    {
        services.AddSingleton<CancellationStarter>();
        services.AddSingleton<CancelStatusReader>();
        return services;
    }
}
