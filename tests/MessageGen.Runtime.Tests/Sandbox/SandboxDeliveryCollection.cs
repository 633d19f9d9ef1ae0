namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>
/// The tests that run a sandbox and a receiver with real deliveries, retries and timeouts. They run one at a time, after
/// the others: their load would otherwise eat into the short timeouts other tests measure, and theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxDeliveryCollection
{
    public const string Name = "Sandbox deliveries";
}
