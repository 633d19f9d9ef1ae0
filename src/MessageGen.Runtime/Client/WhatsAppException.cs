namespace MessageGen;

/// <summary>A request to the WhatsApp API failed: the base of <see cref="WhatsAppApiException"/> and <see cref="WhatsAppTransportException"/>.</summary>
public abstract class WhatsAppException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected WhatsAppException(string message, int attempts, Exception? innerException)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many attempts were made, retries included.</summary>
    public int Attempts { get; }

    /// <summary>
    /// Whether the API may have taken the message. False for every answer from the API (an error status means it did not)
    /// and for connections that could not be made; true when the request was sent and no answer came.
    /// </summary>
    public abstract bool MayHaveBeenDelivered { get; }
}
