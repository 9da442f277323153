namespace CancelWorkflows.Service.Tests.Api;

/// <summary>The API tests: one dev mode (<see cref="ApiDevMode"/>) for all of them, run alone (two shared cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ApiCollection : ICollectionFixture<ApiDevMode>
{
    public const string Name = "API over HTTP";
}
