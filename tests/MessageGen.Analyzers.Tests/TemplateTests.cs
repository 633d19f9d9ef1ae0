namespace MessageGen.Analyzers.Tests;

/// <summary>
/// Templates generated from tests/fixtures/templates/whatsapp-templates.json: MG0009 (language not approved), MG0010
/// (part missing at Build()), MG0011 (part the constant language does not take), MG0006 through a media header's
/// builder, and wrong parameter counts that do not compile.
/// </summary>
public class TemplateTests
{
    private const string Approved = "'order_shipped' needs in every language it is approved in";

    private static string Code(string members) => Verify.Code(members);

    [Fact]
    public Task LanguageNotApproved() => Verify.TemplateAnalyzerAsync(
        Code("""
            const string Spanish = "es_ES";
            OrderShippedTemplateBuilder A(OrderShippedTemplateBuilder b) => b.{|#0:WithLanguage("fr_FR")|};
            OrderShippedTemplateBuilder B(OrderShippedTemplateBuilder b) => b.{|#1:WithLanguage(Spanish)|};
            AppointmentReminderTemplateBuilder C() => AppointmentReminderTemplate.Builder().{|#2:WithLanguage("en_us")|};
        """),
        null,
        Verify.Diagnostic("MG0009").WithLocation(0).WithArguments("order_shipped", "fr_FR", "\"de_DE\", \"en_US\""),
        Verify.Diagnostic("MG0009").WithLocation(1).WithArguments("order_shipped", "es_ES", "\"de_DE\", \"en_US\""),
        Verify.Diagnostic("MG0009").WithLocation(2).WithArguments("appointment_reminder", "en_us", "\"de_DE\", \"en_US\""));

    [Fact]
    public Task ApprovedOrUnknownLanguage_NotFlagged() => Verify.TemplateAnalyzerAsync(
        Code("""
            OrderShippedTemplateBuilder A(OrderShippedTemplateBuilder b) => b.WithLanguage("en_US").WithLanguage("de_DE");
            OrderShippedTemplateBuilder B(OrderShippedTemplateBuilder b, string language) => b.WithLanguage(language);
            OrderShippedTemplateBuilder C(OrderShippedTemplateBuilder b) => b.WithLanguage(OrderShippedTemplate.Languages[0]);
        """),
        null);

    [Fact]
    public Task PartsMissingAtBuild() => Verify.TemplateAnalyzerAsync(
        Code("""
            OrderShippedTemplate A() => OrderShippedTemplate.Builder()
                .WithTo("+4915112345678")
                .WithLanguage("en_US")
                .WithBody("Anna", "A-1042")
                .{|#0:Build()|};

            OrderShippedTemplate B() => OrderShippedTemplate.Builder()
                .WithTo("+4915112345678")
                .WithHeaderVideo(v => v.WithId("1"))
                .{|#1:Build()|};

            AppointmentReminderTemplate C() => AppointmentReminderTemplate.Builder().WithTo("+4915112345678").WithLanguage("de_DE").{|#2:Build()|};
        """),
        null,
        Verify.Diagnostic("MG0010").WithLocation(0).WithArguments("OrderShippedTemplate", $"'header', which template {Approved}"),
        Verify.Diagnostic("MG0010").WithLocation(0).WithArguments("OrderShippedTemplate", $"'button 0', which template {Approved}"),
        Verify.Diagnostic("MG0010").WithLocation(1).WithArguments("OrderShippedTemplate", $"'language', which template {Approved}"),
        Verify.Diagnostic("MG0010").WithLocation(1).WithArguments("OrderShippedTemplate", $"'body', which template {Approved}"),
        Verify.Diagnostic("MG0010").WithLocation(1).WithArguments("OrderShippedTemplate", $"'button 0', which template {Approved}"),
        Verify.Diagnostic("MG0010").WithLocation(2).WithArguments("AppointmentReminderTemplate", "'body', which template 'appointment_reminder' needs in every language it is approved in"));

    [Fact]
    public Task StraightLineLocalWithoutTo() => Verify.TemplateAnalyzerAsync(
        Code("""
            WelcomeOfferTemplate A()
            {
                var b = new WelcomeOfferTemplateBuilder();
                b.WithLanguage("en_US");
                b.WithHeaderText("Anna");
                b.WithBody("Anna", "SAVE10", "Friday");
                return b.{|#0:Build()|};
            }
        """),
        null,
        Verify.Diagnostic("MG0010").WithLocation(0).WithArguments("WelcomeOfferTemplate", "'to', which template 'welcome_offer' needs in every language it is approved in"));

    [Fact]
    public Task EveryPartSet_OrBuilderFromElsewhere_NotFlagged() => Verify.TemplateAnalyzerAsync(
        Code("""
            OrderShippedTemplate A(string to, string language) => OrderShippedTemplate.Builder()
                .WithTo(to)
                .WithLanguage(language)
                .WithHeaderVideo(v => v.WithLink("https://cdn.example.com/a.mp4"))
                .WithBody("Anna", "A-1042")
                .WithButton0("A-1042")
                .Build();
            OrderShippedTemplate B(OrderShippedTemplateBuilder b) => b.Build();
            InvoiceReadyTemplate C() => InvoiceReadyTemplate.Builder().WithTo("+4915112345678").WithLanguage("en_US").WithHeaderDocument(d => d.WithId("1")).Build();
            FlashSaleTemplate D() => FlashSaleTemplate.Builder().WithTo("+4915112345678").WithLanguage("en_US").WithHeaderText("shoes").WithBody("20%").Build();
        """),
        null);

    [Fact]
    public Task APartOnlySomeLanguagesTake_NotFlagged() => Verify.TemplateAnalyzerAsync(
        Code("""
            PromoTemplate A() => PromoTemplate.Builder().WithTo("+4915112345678").WithLanguage("de_DE").Build();
        """),
        """
        {"waba_templates":[
          {"name":"promo","language":"en_US","status":"approved","components":[{"type":"HEADER","format":"VIDEO"},{"type":"BODY","text":"Hi {{1}}"}]},
          {"name":"promo","language":"de_DE","status":"approved","components":[{"type":"BODY","text":"Hallo"}]}
        ]}
        """);

    [Fact]
    public Task NonHttpsHeaderLinkIsMG0006ThroughTheMediaBuilder() => Verify.TemplateAnalyzerAsync(
        Code("""
            OrderShippedTemplateBuilder A(OrderShippedTemplateBuilder b) => b.WithHeaderVideo(v => v.{|#0:WithLink("http://cdn.example.com/a.mp4")|});
            NewArrivalTemplateBuilder B(NewArrivalTemplateBuilder b) => b.WithHeaderImage(i => i.{|#1:WithLink("ftp://cdn.example.com/a.png")|});
            InvoiceReadyTemplateBuilder C(InvoiceReadyTemplateBuilder b) => b.WithHeaderDocument(d => d.{|#2:WithLink("http://cdn.example.com/a.pdf")|});
        """),
        null,
        Verify.Diagnostic("MG0006").WithLocation(0),
        Verify.Diagnostic("MG0006").WithLocation(1),
        Verify.Diagnostic("MG0006").WithLocation(2));

    [Fact]
    public Task HttpsHeaderLink_NotFlagged() => Verify.TemplateAnalyzerAsync(
        Code("""
            OrderShippedTemplateBuilder A(OrderShippedTemplateBuilder b) => b.WithHeaderVideo(v => v.WithLink("https://cdn.example.com/a.mp4"));
            NewArrivalTemplateBuilder B(NewArrivalTemplateBuilder b) => b.WithHeaderImage(ImageMedia.Builder().WithLink("https://cdn.example.com/a.png").Build());
        """),
        null);

    [Fact]
    public Task WrongParameterCountsDoNotCompile() => Verify.TemplateAnalyzerAsync(
        Code("""
            OrderShippedTemplateBuilder A(OrderShippedTemplateBuilder b) => b.{|CS7036:WithBody|}("Anna");
            OrderShippedTemplateBuilder B(OrderShippedTemplateBuilder b) => b.{|CS1501:WithBody|}("Anna", "A-1042", "extra");
            AppointmentReminderTemplateBuilder C(AppointmentReminderTemplateBuilder b) => b.{|CS1501:WithBody|}("a");
            WelcomeOfferTemplateBuilder D(WelcomeOfferTemplateBuilder b) => b.WithBody(firstName: "Anna", discountCode: "SAVE10", {|CS1739:code|}: "Friday");
            OrderShippedTemplateBuilder E(OrderShippedTemplateBuilder b) => b.{|CS1061:WithButton1|}("x");
            NewArrivalTemplateBuilder F(NewArrivalTemplateBuilder b) => b.{|CS1061:WithHeaderVideo|}(v => v);
        """),
        null);

    [Fact]
    public Task WrongParameterCountsDoNotCompile_TheRightOnesDo() => Verify.TemplateAnalyzerAsync(
        Code("""
            AppointmentReminderTemplateBuilder A(AppointmentReminderTemplateBuilder b) => b.WithBody("a", "b").WithBody("a", "b", "c");
            WelcomeOfferTemplateBuilder B(WelcomeOfferTemplateBuilder b) => b.WithBody(firstName: "Anna", discountCode: "SAVE10", validUntil: "Friday");
        """),
        null);

    private const string Mixed = """
        {"waba_templates":[
          {"name":"mixed","language":"en_US","status":"approved","components":[{"type":"HEADER","format":"VIDEO"},{"type":"BODY","text":"Hi {{1}}"},
            {"type":"BUTTONS","buttons":[{"type":"URL","text":"Go","url":"https://x.example/{{1}}"}]}]},
          {"name":"mixed","language":"de_DE","status":"approved","components":[{"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"Hallo {{1}} {{2}}"}]}
        ]}
        """;

    [Fact]
    public Task PartsTheConstantLanguageDoesNotTake() => Verify.TemplateAnalyzerAsync(
        Code("""
            MixedTemplateBuilder A() => MixedTemplate.Builder()
                .WithLanguage("de_DE")
                .{|#0:WithHeaderVideo(v => v.WithId("1"))|}
                .{|#1:WithBody("a")|}
                .{|#2:WithButton0("x")|};
            MixedTemplateBuilder B() => MixedTemplate.Builder().{|#3:WithBody("a", "b")|}.WithLanguage("de_DE").WithLanguage("en_US");
            MixedTemplateBuilder C() => MixedTemplate.Builder().WithLanguage("en_US").{|#4:WithBody("a")|}.WithLanguage("de_DE").WithBody("a", "b");
        """),
        Mixed,
        Verify.Diagnostic("MG0011").WithLocation(0).WithArguments("WithHeaderVideo", "mixed", "de_DE", "en_US"),
        Verify.Diagnostic("MG0011").WithLocation(1).WithArguments("WithBody", "mixed", "de_DE", "en_US"),
        Verify.Diagnostic("MG0011").WithLocation(2).WithArguments("WithButton0", "mixed", "de_DE", "en_US"),
        Verify.Diagnostic("MG0011").WithLocation(3).WithArguments("WithBody", "mixed", "en_US", "de_DE"),
        Verify.Diagnostic("MG0011").WithLocation(4).WithArguments("WithBody", "mixed", "de_DE", "en_US"));

    [Fact]
    public Task PartsTheLanguageTakes_OrALanguageOnlyKnownAtRunTime_NotFlagged() => Verify.TemplateAnalyzerAsync(
        Code("""
            MixedTemplate A() => MixedTemplate.Builder().WithTo("+4915112345678").WithLanguage("de_DE").WithHeaderImage(i => i.WithId("1")).WithBody("a", "b").Build();
            MixedTemplate B() => MixedTemplate.Builder().WithTo("+4915112345678").WithLanguage("en_US").WithHeaderVideo(v => v.WithId("1")).WithBody("a").WithButton0("x").Build();
            MixedTemplateBuilder C(string language) => MixedTemplate.Builder().WithLanguage(language).WithBody("a").WithBody("a", "b");
        """),
        Mixed);
}
