namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/contacts-message.schema.json: MG0003 for a card without a name and a name without formatted_name,
/// MG0004 on an empty formatted_name, MG0005 on the birthday (YYYY-MM-DD) and on <c>to</c>; cards inside arrays.
/// </summary>
public class ContactsMessageTests
{
    // ---- flagged ----

    [Fact]
    public Task NameWithoutFormattedName() => Verify.AnalyzerAsync(
        Verify.Code("""
            ContactName A() => ContactName.Builder().WithFirstName("Anna").WithLastName("Berg").{|#0:Build()|};
            ContactCard B() => ContactCard.Builder().WithName(n => {|#1:n.WithFirstName("Anna")|}).Build();
            ContactCard C() => ContactCard.Builder().WithBirthday("1990-01-31").{|#2:Build()|};
            ContactName D() => ContactName.Builder().WithFormattedName("Anna Berg").WithFormattedName(null).{|#3:Build()|};
        """),
        Verify.ContactsSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("ContactName", "'formatted_name', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("ContactName", "'formatted_name', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(2).WithArguments("ContactCard", "'name', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(3).WithArguments("ContactName", "'formatted_name', which the schema requires"));

    [Fact]
    public Task ConstantsInsideCardArrays() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string Birthday = "31.01.1990";
            ContactsMessage A() => ContactsMessage.Builder()
                .WithTo("+4915112345678")
                .WithContacts(new[]
                {
                    ContactCard.Builder().WithName(n => n.{|#0:WithFormattedName("")|}).Build(),
                    ContactCard.Builder().WithName(n => n.WithFormattedName("Anna")).{|#1:WithBirthday(Birthday)|}.Build(),
                })
                .Build();
            ContactsMessage B() => ContactsMessage.Builder()
                .WithTo("+4915112345678")
                .WithContacts([ContactCard.Builder().WithName(n => n.WithFormattedName("Anna")).{|#2:WithBirthday("1990-1-31")|}.Build()])
                .Build();
            ContactsMessage C() => new ContactsMessage
            {
                To = "+4915112345678",
                Contacts = new[] { new ContactCard { Name = new ContactName { {|#3:FormattedName = ""|} }, {|#4:Birthday = "19900131"|} } },
            };
        """),
        Verify.ContactsSchema,
        Verify.Diagnostic("MG0004").WithLocation(0).WithArguments("formatted_name", 0, "at least 1"),
        Verify.Diagnostic("MG0005").WithLocation(1).WithArguments("birthday", "31.01.1990", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
        Verify.Diagnostic("MG0005").WithLocation(2).WithArguments("birthday", "1990-1-31", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
        Verify.Diagnostic("MG0004").WithLocation(3).WithArguments("formatted_name", 0, "at least 1"),
        Verify.Diagnostic("MG0005").WithLocation(4).WithArguments("birthday", "19900131", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));

    [Fact]
    public Task MessageWithoutContactsOrTo() => Verify.AnalyzerAsync(
        Verify.Code("""
            ContactsMessage A() => ContactsMessage.Builder().{|#0:WithTo("+49-151")|}.{|#1:Build()|};
        """),
        Verify.ContactsSchema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "+49-151", "^\\+?[0-9]{6,15}$"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("ContactsMessage", "'contacts', which the schema requires"));

    // ---- not flagged ----

    [Fact]
    public Task CompleteCards_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            ContactsMessage A() => ContactsMessage.Builder()
                .WithTo("+4915112345678")
                .WithContacts(new[]
                {
                    ContactCard.Builder()
                        .WithName(n => n.WithFormattedName("Anna Berg").WithFirstName("Anna"))
                        .WithBirthday("1990-01-31")
                        .WithPhones(new[] { ContactPhone.Builder().WithPhone("+49 151 1234567").WithType("CELL").Build() })
                        .WithEmails([new ContactEmail { Email = "anna@example.com", Type = "WORK" }])
                        .WithUrls(new[] { new ContactUrl { Url = "example.com", Type = "HOME" } })
                        .WithAddresses(new[] { new ContactAddress { Street = "", Type = "Somewhere else" } })
                        .WithOrg(o => o.WithCompany("Example").WithTitle(""))
                        .Build(),
                })
                .Build();
            ContactCard B(string name, string birthday) => new ContactCard { Name = new ContactName { FormattedName = name }, Birthday = birthday };
            ContactName C(string? name) => ContactName.Builder().WithFormattedName(name).Build();
            ContactCard D() => new ContactCard { Name = new ContactName { FormattedName = "A", Suffix = null }, Birthday = null };
        """),
        Verify.ContactsSchema);

    [Fact]
    public Task NameBuiltElsewhere_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            static ContactNameBuilder Named(ContactNameBuilder n) => n.WithFormattedName("Anna");
            ContactCard A() => ContactCard.Builder().WithName(n => Named(n.WithFirstName("Anna"))).Build();
            ContactName B(ContactNameBuilder n) => n.WithFirstName("Anna").Build();
        """),
        Verify.ContactsSchema);
}
