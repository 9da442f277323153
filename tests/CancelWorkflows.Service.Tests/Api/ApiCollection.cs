namespace CancelWorkflows.Service.Tests.Api;

/// <summary>The API tests: one dev mode (<see cref="ApiDevMode"/>) for all of them. They run beside other collections:
/// they wait for outcomes rather than time them, and the few bounds they check leave seconds of room.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiDevMode>
{
    public const string Name = "API over HTTP";
}
