namespace MessageGen;

/// <summary>Which of the API's error bodies an error was read from.</summary>
public enum WhatsAppApiErrorShape
{
    /// <summary>The body was empty or not JSON (a proxy's HTML page, for instance).</summary>
    Unrecognized,

    /// <summary>360dialog's own shape: <c>{"error":"Invalid request"}</c>.</summary>
    Dialog,

    /// <summary>Meta's Graph error object: <c>{"error":{"message":...,"code":131056,...}}</c>.</summary>
    Graph,

    /// <summary>The legacy envelope: <c>{"meta":{"httpCode":400,"developerMessage":...}}</c>.</summary>
    Legacy,
}
