namespace MessageGen;

/// <summary>How a request failed to get an answer from the API.</summary>
public enum WhatsAppTransportFailure
{
    /// <summary>No connection could be made (refused, name not resolved, TLS failed): nothing was sent.</summary>
    ConnectionFailed,

    /// <summary>The request was sent but the connection closed before a complete answer: the outcome is unknown.</summary>
    ResponseLost,

    /// <summary>The request was sent but no complete answer came in time: the outcome is unknown.</summary>
    TimedOut,
}

/// <summary>
/// The API could not be reached or did not answer. <see cref="WhatsAppException.MayHaveBeenDelivered"/> says whether
/// the message may still have been taken; if so, it was not retried, because a retried send can deliver twice.
/// </summary>
public sealed class WhatsAppTransportException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    public WhatsAppTransportException(WhatsAppTransportFailure failure, string message, int attempts, Exception? innerException = null)
        : base(message, attempts, innerException)
    {
        Failure = failure;
    }

    /// <summary>How the request failed.</summary>
    public WhatsAppTransportFailure Failure { get; }

    /// <summary>True unless the connection could not be made (then nothing was sent).</summary>
    public override bool MayHaveBeenDelivered => Failure != WhatsAppTransportFailure.ConnectionFailed;
}
