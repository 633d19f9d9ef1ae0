using System.Diagnostics.Metrics;

namespace MessageGen.Webhooks;

/// <summary>
/// The endpoint's counters, on the meter <c>MessageGen.Webhooks</c>: events received, handled, skipped as duplicates,
/// and failed (the handler threw), each tagged with the event kind.
/// </summary>
internal sealed class WebhookMetrics
{
    /// <summary>The meter's name, for <c>AddMeter</c> in OpenTelemetry.</summary>
    public const string MeterName = "MessageGen.Webhooks";

    private readonly Counter<long> _received;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _failed;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("messagegen.webhooks.events.received", "{event}", "Events received in authenticated, well-formed notifications.");
        _handled = meter.CreateCounter<long>("messagegen.webhooks.events.handled", "{event}", "Events the handler finished.");
        _duplicates = meter.CreateCounter<long>("messagegen.webhooks.events.duplicates", "{event}", "Redelivered events already handled, not handed on again.");
        _failed = meter.CreateCounter<long>("messagegen.webhooks.events.failed", "{event}", "Events whose handler threw; they are delivered again.");
    }

    public void Received(WhatsAppEvent e) => _received.Add(1, Kind(e));

    public void Handled(WhatsAppEvent e) => _handled.Add(1, Kind(e));

    public void Duplicate(WhatsAppEvent e) => _duplicates.Add(1, Kind(e));

    public void Failed(WhatsAppEvent e) => _failed.Add(1, Kind(e));

    private static KeyValuePair<string, object?> Kind(WhatsAppEvent e) => new("messagegen.webhooks.event.kind", e switch
    {
        MessageStatusEvent => "status",
        InboundMessageEvent => "message",
        _ => "error",
    });
}
