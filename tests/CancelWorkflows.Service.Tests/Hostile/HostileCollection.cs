using CancelWorkflows.Service.Tests.Api;

namespace CancelWorkflows.Service.Tests.Hostile;

/// <summary>The hostile-input properties: a dev mode of their own (the API tests' <see cref="ApiDevMode"/>, another
/// instance), so the workflows, schedules and simulator calls they count before and after are theirs alone, also while other
/// collections run beside them.</summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<ApiDevMode>
{
    public const string Name = "Hostile input";
}
