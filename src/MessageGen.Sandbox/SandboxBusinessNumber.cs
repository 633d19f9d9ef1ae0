namespace MessageGen.Sandbox;

/// <summary>The business the sandbox plays: the ids its webhook notifications carry in <c>entry[].id</c> and <c>metadata</c>.</summary>
public static class SandboxBusinessNumber
{
    /// <summary>The WhatsApp Business Account id (<c>entry[].id</c>).</summary>
    public const string BusinessAccountId = "100000000000001";

    /// <summary>The phone number id (<c>metadata.phone_number_id</c>, <c>WhatsAppEvent.PhoneNumberId</c>).</summary>
    public const string PhoneNumberId = "100000000000002";

    /// <summary>The number as shown (<c>metadata.display_phone_number</c>).</summary>
    public const string DisplayPhoneNumber = "15550000000";
}
