namespace MessageGen.Tests;

/// <summary>
/// The generated templates at run time: ToJson writes the API's documented body byte for byte, WriteTo allocates
/// nothing, and Build() reports what the chosen language lacks, each violation with its JSON path.
/// </summary>
public class TemplateBehaviourTests
{
    private const string Scenarios = """
        using System;
        using System.Buffers;
        using System.Linq;
        using MessageGen;
        using MessageGen.WhatsApp;

        public static class Scenario
        {
            public static string OrderShipped() => OrderShippedTemplate.Builder()
                .WithTo("+4915112345678")
                .WithLanguage("en_US")
                .WithHeaderVideo(v => v.WithLink("https://cdn.example.com/shipped.mp4"))
                .WithBody("Anna", "A-1042")
                .WithButton0("A-1042")
                .Build()
                .ToJson();

            public static string WelcomeOffer() => WelcomeOfferTemplate.Builder()
                .WithTo("+4915112345678")
                .WithLanguage("en_US")
                .WithHeaderText("Anna")
                .WithBody(firstName: "Anna", discountCode: "SAVE10", validUntil: "Friday")
                .Build()
                .ToJson();

            public static string FlashSale() => new FlashSaleTemplateBuilder()
                .WithTo("4915112345678")
                .WithLanguage("en_US")
                .WithHeaderText("shoes")
                .WithBody("20%")
                .Build()
                .ToJson();

            public static string NewArrival() => NewArrivalTemplate.Builder()
                .WithTo("4915112345678")
                .WithLanguage("en_US")
                .WithHeaderImage(ImageMedia.Builder().WithId("1234567890").Build())
                .WithBody("Trail runner \"X\" – ünïcödé")
                .Build()
                .ToJson();

            public static string InvoiceReady() => InvoiceReadyTemplate.Builder()
                .WithTo("4915112345678")
                .WithLanguage("en_US")
                .WithHeaderDocument(d => d.WithLink("https://cdn.example.com/invoice.pdf").WithFilename("invoice.pdf"))
                .Build()
                .ToJson();

            public static string PickupPoint() => PickupPointTemplate.Builder()
                .WithTo("4915112345678")
                .WithLanguage("en_US")
                .WithHeaderLocation(l => l.WithLatitude(52.52).WithLongitude(13.405).WithName("Pickup").WithAddress("Main St 1"))
                .Build()
                .ToJson();

            public static string ReminderGerman() => AppointmentReminderTemplate.Builder()
                .WithTo("4915112345678")
                .WithLanguage("de_DE")
                .WithBody("3. Mai", "10:00", "Dr. Weber")
                .Build()
                .ToJson();

            public static string ReminderEnglish() => AppointmentReminderTemplate.Builder()
                .WithTo("4915112345678")
                .WithLanguage("en_US")
                .WithBody("May 3", "10 am")
                .Build()
                .ToJson();

            public static string Languages() => string.Join(",", OrderShippedTemplate.Languages) + "|" + string.Join(",", AppointmentReminderTemplate.Languages);

            public static string NothingSet() => Errors(() => OrderShippedTemplate.Builder().WithLanguage("en_US").Build());

            public static string NoLanguage() => Errors(() => OrderShippedTemplate.Builder().WithTo("4915112345678").WithBody("a", "b").WithButton0("c")
                .WithHeaderVideo(v => v.WithId("1")).Build());

            public static string NotApproved() => Errors(() => OrderShippedTemplate.Builder().WithTo("4915112345678").WithLanguage("fr_FR").Build());

            public static string WrongShape() => Errors(() => AppointmentReminderTemplate.Builder().WithTo("4915112345678").WithLanguage("en_US")
                .WithBody("May 3", "10 am", "Dr. Weber").Build());

            public static string BadParts() => Errors(() => OrderShippedTemplate.Builder().WithTo("4915112345678").WithLanguage("de_DE")
                .WithHeaderVideo(v => v.WithLink("https://cdn.example.com/a.mp4").WithId("1")).WithBody("", "b").WithButton0("").Build());

            public static string Allocations()
            {
                IWhatsAppMessage message = OrderShippedTemplate.Builder()
                    .WithTo("+4915112345678")
                    .WithLanguage("en_US")
                    .WithHeaderVideo(v => v.WithLink("https://cdn.example.com/shipped.mp4"))
                    .WithBody("Anna", "A-1042")
                    .WithButton0("A-1042")
                    .Build();
                var buffer = new ArrayBufferWriter<byte>(4096);
                message.WriteTo(buffer);
                buffer.ResetWrittenCount();
                var before = GC.GetAllocatedBytesForCurrentThread();
                message.WriteTo(buffer);
                return (GC.GetAllocatedBytesForCurrentThread() - before).ToString();
            }

            private static string Errors(Action build)
            {
                try
                {
                    build();
                    return "built";
                }
                catch (MessageValidationException e)
                {
                    return string.Join("\n", e.Errors.Select(error => error.Path + " | " + error.Message));
                }
            }
        }
        """;

    [Theory]
    [InlineData(
        "OrderShipped",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"order_shipped","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"video","video":{"link":"https://cdn.example.com/shipped.mp4"}}]},{"type":"body","parameters":[{"type":"text","text":"Anna"},{"type":"text","text":"A-1042"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"A-1042"}]}]}}""")]
    [InlineData(
        "WelcomeOffer",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"welcome_offer","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"text","parameter_name":"first_name","text":"Anna"}]},{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Anna"},{"type":"text","parameter_name":"discount_code","text":"SAVE10"},{"type":"text","parameter_name":"valid_until","text":"Friday"}]}]}}""")]
    [InlineData(
        "FlashSale",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template","template":{"name":"flash_sale","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"text","text":"shoes"}]},{"type":"body","parameters":[{"type":"text","text":"20%"}]}]}}""")]
    [InlineData(
        "NewArrival",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template","template":{"name":"new_arrival","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"image","image":{"id":"1234567890"}}]},{"type":"body","parameters":[{"type":"text","text":"Trail runner \"X\" – ünïcödé"}]}]}}""")]
    [InlineData(
        "InvoiceReady",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template","template":{"name":"invoice_ready","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"document","document":{"link":"https://cdn.example.com/invoice.pdf","filename":"invoice.pdf"}}]}]}}""")]
    [InlineData(
        "PickupPoint",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template","template":{"name":"pickup_point","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"location","location":{"latitude":52.52,"longitude":13.405,"name":"Pickup","address":"Main St 1"}}]}]}}""")]
    [InlineData(
        "ReminderGerman",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template","template":{"name":"appointment_reminder","language":{"code":"de_DE"},"components":[{"type":"body","parameters":[{"type":"text","text":"3. Mai"},{"type":"text","text":"10:00"},{"type":"text","text":"Dr. Weber"}]}]}}""")]
    [InlineData(
        "ReminderEnglish",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template","template":{"name":"appointment_reminder","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"May 3"},{"type":"text","text":"10 am"}]}]}}""")]
    [InlineData("Languages", "de_DE,en_US|de_DE,en_US")]
    public void ToJson_writes_the_apis_documented_body(string scenario, string expected)
        => Assert.Equal(expected, TemplateHarness.Call(Scenarios, scenario));

    [Fact]
    public void WriteTo_allocates_nothing()
        => Assert.Equal("0", TemplateHarness.Call(Scenarios, "Allocations"));

    [Theory]
    [InlineData(
        "NothingSet",
        """
        $.to | Required member 'to' is missing.
        $.template.components[0].parameters[0].video | Template 'order_shipped' in de_DE, en_US has a VIDEO header: set it with WithHeaderVideo.
        $.template.components[1].parameters | Template 'order_shipped' in de_DE, en_US takes the body parameters {{1}}, {{2}}: set them with WithBody(p1, p2).
        $.template.components[2].parameters[0].text | Template 'order_shipped' in de_DE, en_US has a URL that ends in a parameter in button 0: set it with WithButton0.
        """)]
    [InlineData("NoLanguage", "$.template.language.code | Required member 'code' is missing.")]
    [InlineData("NotApproved", "$.template.language.code | Template 'order_shipped' is not approved in 'fr_FR'; it is approved in de_DE, en_US.")]
    [InlineData(
        "WrongShape",
        "$.template.components[0].parameters | Template 'appointment_reminder' in en_US takes the body parameters {{1}}, {{2}}: set them with WithBody(p1, p2).")]
    [InlineData(
        "BadParts",
        """
        $.template.components[0].parameters[0].video | Exactly one of 'id' or 'link' must be set, but 'id' and 'link' are both set. Keep one.
        $.template.components[1].parameters[0].text | 'text' is 0 characters long; the minimum is 1.
        $.template.components[2].parameters[0].text | 'text' is 0 characters long; the minimum is 1.
        """)]
    public void Build_reports_what_the_chosen_language_lacks_with_json_paths(string scenario, string expected)
        => Assert.Equal(expected.ReplaceLineEndings("\n"), TemplateHarness.Call(Scenarios, scenario));

    /// <summary>One name whose languages take different headers, bodies and buttons.</summary>
    private const string Mixed = """
        {"waba_templates":[
          {"name":"mixed","language":"en_US","status":"approved","components":[{"type":"HEADER","format":"VIDEO"},{"type":"BODY","text":"Hi {{1}}"},
            {"type":"BUTTONS","buttons":[{"type":"URL","text":"Go","url":"https://x.example/{{1}}"}]}]},
          {"name":"mixed","language":"de_DE","status":"approved","components":[{"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"Hallo {{1}} {{2}}"}]},
          {"name":"mixed","language":"fr_FR","status":"approved","components":[{"type":"HEADER","format":"TEXT","text":"Salut {{1}}"},{"type":"BODY","text":"Bonjour"},
            {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Non"},{"type":"URL","text":"Go","url":"https://x.example/{{1}}"}]}]}
        ]}
        """;

    private const string MixedScenarios = """
        using System;
        using System.Linq;
        using MessageGen;
        using MessageGen.WhatsApp;

        public static class Scenario
        {
            public static string German() => MixedTemplate.Builder().WithTo("4915112345678").WithLanguage("de_DE")
                .WithHeaderVideo(v => v.WithId("1"))
                .WithHeaderImage(i => i.WithId("2"))
                .WithBody("a", "b")
                .Build().ToJson();

            public static string French() => MixedTemplate.Builder().WithTo("4915112345678").WithLanguage("fr_FR")
                .WithHeaderText("Anna").WithButton1("x").Build().ToJson();

            public static string GermanWithEnglishParts() => Errors(() => MixedTemplate.Builder().WithTo("4915112345678").WithLanguage("de_DE")
                .WithHeaderVideo(v => v.WithId("1")).WithBody("a").WithButton0("x").Build());

            public static string FrenchWithBody() => Errors(() => MixedTemplate.Builder().WithTo("4915112345678").WithLanguage("fr_FR")
                .WithHeaderText("Anna").WithBody("a").WithButton1("x").Build());

            private static string Errors(Action build)
            {
                try
                {
                    build();
                    return "built";
                }
                catch (MessageValidationException e)
                {
                    return string.Join("\n", e.Errors.Select(error => error.Path + " | " + error.Message));
                }
            }
        }
        """;

    [Theory]
    [InlineData(
        "German",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template","template":{"name":"mixed","language":{"code":"de_DE"},"components":[{"type":"header","parameters":[{"type":"image","image":{"id":"2"}}]},{"type":"body","parameters":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}]}}""")]
    [InlineData(
        "French",
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template","template":{"name":"mixed","language":{"code":"fr_FR"},"components":[{"type":"header","parameters":[{"type":"text","text":"Anna"}]},{"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"x"}]}]}}""")]
    [InlineData(
        "GermanWithEnglishParts",
        """
        $.template.components[0].parameters[0].image | Template 'mixed' in de_DE has an IMAGE header: set it with WithHeaderImage.
        $.template.components | Template 'mixed' in de_DE takes no VIDEO header; remove WithHeaderVideo.
        $.template.components[1].parameters | Template 'mixed' in de_DE takes the body parameters {{1}}, {{2}}: set them with WithBody(p1, p2).
        $.template.components | Template 'mixed' in de_DE has no URL parameter in button 0; remove WithButton0.
        """)]
    [InlineData(
        "FrenchWithBody",
        "$.template.components | Template 'mixed' in fr_FR takes no body parameters; remove WithBody.")]
    public void Languages_of_one_name_with_different_parts_are_each_checked_and_written(string scenario, string expected)
        => Assert.Equal(expected.ReplaceLineEndings("\n"), TemplateHarness.Call(MixedScenarios, scenario, Mixed));
}
