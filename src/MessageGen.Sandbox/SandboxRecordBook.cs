namespace MessageGen.Sandbox;

/// <summary>
/// What a sandbox keeps on record, bounded twice so that a long-running or attacked sandbox stays small: at most
/// <c>maxPerList</c> records in each list, and at most <c>maxBodyBytes</c> of bodies across requests, messages and
/// webhook attempts together. Beyond either, the oldest records go first, and each list counts what it dropped. Thread-safe.
/// </summary>
internal sealed class SandboxRecordBook(int maxPerList, long maxBodyBytes)
{
    private readonly object _gate = new();
    private readonly Shelf<SandboxRequest> _requests = new();
    private readonly Shelf<SandboxMessage> _messages = new();
    private readonly Shelf<SandboxMedia> _media = new();
    private readonly Shelf<SandboxWebhookAttempt> _webhookAttempts = new();
    private long _bodyBytes;
    private long _nextOrder;

    public void Add(SandboxRequest request) => Add(_requests, request, request.Body.Length);

    public void Add(SandboxMessage message) => Add(_messages, message, message.Body.Length);

    public void Add(SandboxMedia media) => Add(_media, media, bodyBytes: 0);

    public void Add(SandboxWebhookAttempt attempt) => Add(_webhookAttempts, attempt, attempt.Body.Length);

    public RecordSnapshot<SandboxRequest> Requests() => Snapshot(_requests);

    public RecordSnapshot<SandboxMessage> Messages() => Snapshot(_messages);

    public RecordSnapshot<SandboxMedia> Media() => Snapshot(_media);

    public RecordSnapshot<SandboxWebhookAttempt> WebhookAttempts() => Snapshot(_webhookAttempts);

    // Counters only: no copy of the list to read one number.
    public long DroppedRequests => DroppedFrom(_requests);

    public long DroppedMessages => DroppedFrom(_messages);

    public long DroppedMedia => DroppedFrom(_media);

    public long DroppedWebhookAttempts => DroppedFrom(_webhookAttempts);

    private long DroppedFrom(Shelf shelf)
    {
        lock (_gate)
        {
            return shelf.Dropped;
        }
    }

    private void Add<T>(Shelf<T> shelf, T item, long bodyBytes)
    {
        lock (_gate)
        {
            shelf.Put(_nextOrder++, item, bodyBytes);
            _bodyBytes += bodyBytes;
            while (shelf.Count > maxPerList)
            {
                _bodyBytes -= shelf.DropOldest();
            }

            while (_bodyBytes > maxBodyBytes)
            {
                _bodyBytes -= OldestWithBodies().DropOldest();
            }
        }
    }

    /// <summary>Of the lists that hold bodies, the one whose oldest record is the oldest.</summary>
    private Shelf OldestWithBodies() =>
        new Shelf[] { _requests, _messages, _webhookAttempts }.Where(shelf => shelf.OldestOrder is not null).MinBy(shelf => shelf.OldestOrder)!;

    private RecordSnapshot<T> Snapshot<T>(Shelf<T> shelf)
    {
        lock (_gate)
        {
            return new RecordSnapshot<T>(shelf.Items(), shelf.Dropped);
        }
    }

    private abstract class Shelf
    {
        public long Dropped { get; protected set; }

        public abstract long? OldestOrder { get; }

        /// <summary>Drops the oldest record and returns its body size.</summary>
        public abstract long DropOldest();
    }

    private sealed class Shelf<T> : Shelf
    {
        private readonly Queue<(long Order, T Item, long BodyBytes)> _records = new();

        public int Count => _records.Count;

        public override long? OldestOrder => _records.TryPeek(out var oldest) ? oldest.Order : null;

        public void Put(long order, T item, long bodyBytes) => _records.Enqueue((order, item, bodyBytes));

        public override long DropOldest()
        {
            Dropped++;
            return _records.Dequeue().BodyBytes;
        }

        public T[] Items() => [.. _records.Select(record => record.Item)];
    }
}

/// <summary>The records of one list at one moment, and how many of its records were dropped before it.</summary>
internal readonly record struct RecordSnapshot<T>(T[] Items, long Dropped);
