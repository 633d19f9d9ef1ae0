using System.Net;
using MessageGen.Sandbox;
using static MessageGen.Runtime.Tests.Sandbox.TemplateSends;

namespace MessageGen.Runtime.Tests.Sandbox;

/// <summary>A <c>type: template</c> send, judged against the sandbox's templates file as the API judges it against the approved templates.</summary>
public sealed class SandboxTemplateSendTests
{
    [Theory]
    [InlineData("en_US")]
    [InlineData("de_DE")]
    public async Task A_send_that_matches_an_approved_template_is_accepted_and_recorded(string language)
    {
        await using var sandbox = await StartAsync();

        var answer = await SendAsync(sandbox, OrderShipped(language));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.Answer.ToString());
        var message = Assert.Single(sandbox.Messages);
        Assert.Equal("template", message.Type);
        Assert.Equal(answer.Answer.GetProperty("messages")[0].GetProperty("id").GetString(), message.Id);
    }

    [Theory]
    [InlineData("welcome_offer", """[{"type":"body","parameters":[{"type":"text","parameter_name":"discount_code","text":"HELLO10"},{"type":"text","parameter_name":"first_name","text":"Anna"}]},{"type":"button","sub_type":"copy_code","index":"0","parameters":[{"type":"coupon_code","coupon_code":"HELLO10"}]}]""")]
    [InlineData("appointment_reminder", """[{"type":"header","parameters":[{"type":"text","text":"12 May"}]},{"type":"body","parameters":[{"type":"text","text":"Anna"},{"type":"text","text":"10:30"}]}]""")]
    [InlineData("appointment_reminder", """[{"type":"header","parameters":[{"type":"text","text":"12 May"}]},{"type":"body","parameters":[{"type":"text","text":"Anna"},{"type":"date_time","date_time":{"fallback_value":"10:30"}}]}]""")]
    [InlineData("new_arrivals", """[{"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/shirts.jpg"}}]},{"type":"body","parameters":[{"type":"text","text":"linen shirts"}]}]""")]
    [InlineData("invoice_ready", """[{"type":"header","parameters":[{"type":"document","document":{"link":"https://example.com/invoice.pdf","filename":"invoice.pdf"}}]},{"type":"body","parameters":[{"type":"text","text":"INV-1"},{"type":"text","text":"EUR 49.90"}]}]""")]
    [InlineData("store_location", """[{"type":"header","parameters":[{"type":"location","location":{"latitude":"52.52","longitude":"13.40"}}]}]""")]
    public async Task Named_text_image_document_and_location_templates_are_accepted_when_they_match(string name, string components)
    {
        await using var sandbox = await StartAsync();

        var answer = await SendAsync(sandbox, Body(name, "en_US", components));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.Answer.ToString());
    }

    [Theory]
    [InlineData("order_shipped", "fr_FR")] // in the file, but pending
    [InlineData("order_shipped", "es_ES")] // no such translation
    [InlineData("no_such_template", "en_US")]
    [InlineData("spring_sale", "en_US")] // pending
    [InlineData("winback_offer", "en_US")] // rejected
    [InlineData("feedback_request", "en_US")] // paused
    public async Task A_template_not_approved_in_that_language_is_132001(string name, string language)
    {
        await using var sandbox = await StartAsync();

        var details = AssertGraphError(await SendAsync(sandbox, Body(name, language, $"[{ShippedBody}]")), 132001);

        Assert.Contains(name, details, StringComparison.Ordinal);
        Assert.Contains(language, details, StringComparison.Ordinal);
        Assert.Empty(sandbox.Messages);
    }

    [Fact]
    public async Task Without_a_templates_file_a_template_send_is_checked_for_structure_only()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var answer = await SendAsync(sandbox, Body("any_template", "en_US", $"[{ShippedBody}]"));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.Answer.ToString());
        AssertGraphError(await SendAsync(sandbox, Body("", "en_US", null)), 100);
    }

    [Fact]
    public async Task With_an_empty_templates_file_every_template_send_is_132001()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mg-empty-templates-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"waba_templates":[]}""");
        try
        {
            await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { TemplatesFile = path });

            AssertGraphError(await SendAsync(sandbox, OrderShipped()), 132001);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData($"[{VideoHeader},{{\"type\":\"body\",\"parameters\":[{{\"type\":\"text\",\"text\":\"Anna\"}}]}},{TrackButton}]", "body")] // one body parameter of two
    [InlineData($"[{VideoHeader},{{\"type\":\"body\",\"parameters\":[{{\"type\":\"text\",\"text\":\"a\"}},{{\"type\":\"text\",\"text\":\"b\"}},{{\"type\":\"text\",\"text\":\"c\"}}]}},{TrackButton}]", "body")]
    [InlineData($"[{VideoHeader},{TrackButton}]", "body")] // no body parameters
    [InlineData($"[{ShippedBody},{TrackButton}]", "header")] // the video header left out
    [InlineData($"[{VideoHeader},{ShippedBody}]", "button 0")] // the dynamic URL left out
    [InlineData($"[{VideoHeader},{ShippedBody},{{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[]}}]", "button 0")]
    public async Task A_wrong_number_of_parameters_is_132000(string components, string part)
    {
        await using var sandbox = await StartAsync();

        var details = AssertGraphError(await SendAsync(sandbox, Body("order_shipped", "en_US", components)), 132000);

        Assert.StartsWith(part + ":", details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order_shipped", $"[{{\"type\":\"header\",\"parameters\":[{{\"type\":\"image\",\"image\":{{\"link\":\"https://example.com/a.jpg\"}}}}]}},{ShippedBody},{TrackButton}]", "expected VIDEO, received IMAGE")]
    [InlineData("new_arrivals", """[{"type":"header","parameters":[{"type":"video","video":{"link":"https://example.com/a.mp4"}}]},{"type":"body","parameters":[{"type":"text","text":"x"}]}]""", "expected IMAGE, received VIDEO")]
    [InlineData("order_shipped", $"[{VideoHeader},{{\"type\":\"body\",\"parameters\":[{{\"type\":\"text\",\"parameter_name\":\"first_name\",\"text\":\"Anna\"}},{{\"type\":\"text\",\"text\":\"A-1042\"}}]}},{TrackButton}]", "positional")]
    [InlineData("welcome_offer", """[{"type":"body","parameters":[{"type":"text","text":"Anna"},{"type":"text","text":"HELLO10"}]}]""", "named")]
    [InlineData("welcome_offer", """[{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Anna"},{"type":"text","parameter_name":"coupon","text":"HELLO10"}]}]""", "'coupon'")]
    [InlineData("welcome_offer", """[{"type":"header","parameters":[{"type":"text","text":"Hi"}]},{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Anna"},{"type":"text","parameter_name":"discount_code","text":"HELLO10"}]}]""", "header")]
    [InlineData("order_shipped", $"[{VideoHeader},{ShippedBody},{{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":\"0\",\"parameters\":[{{\"type\":\"payload\",\"payload\":\"x\"}}]}}]", "button 0")]
    [InlineData("order_shipped", $"[{VideoHeader},{ShippedBody},{{\"type\":\"button\",\"sub_type\":\"url\",\"parameters\":[{{\"type\":\"text\",\"text\":\"A-1042\"}}]}}]", "no button at index (none)")]
    [InlineData("order_shipped", $"[{VideoHeader},{ShippedBody},{TrackButton},{{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"5\",\"parameters\":[]}}]", "no button at index 5")]
    public async Task A_parameter_of_the_wrong_kind_is_132012(string name, string components, string expected)
    {
        await using var sandbox = await StartAsync();

        var details = AssertGraphError(await SendAsync(sandbox, Body(name, "en_US", components)), 132012);

        Assert.Contains(expected, details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_too_long_once_filled_in_is_132005()
    {
        await using var sandbox = await StartAsync();
        var longName = new string('a', 1000);

        var details = AssertGraphError(
            await SendAsync(sandbox, Body("order_shipped", "en_US", $$"""[{{VideoHeader}},{"type":"body","parameters":[{"type":"text","text":"{{longName}}"},{"type":"text","text":"A-1042"}]},{{TrackButton}}]""")),
            132005);

        Assert.Contains("1024", details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"language":{"code":"en_US"}}}""", "name")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"order_shipped"}}""", "language")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"order_shipped","language":{}}}""", "code")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template"}""", "template")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"order_shipped","language":{"code":"en_US"},"components":[{"type":"footer"}]}}""", "type")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"order_shipped","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text"}]}]}}""", "$.template.components[0].parameters[0]")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"order_shipped","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"video"}]}]}}""", "video")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"order_shipped","language":{"code":"en_US"},"components":[{"type":"header","parameters":[{"type":"video","video":{"link":"ftp://example.com/a.mp4"}}]}]}}""", "http or https")]
    [InlineData("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template","template":{"name":"order_shipped","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"sticker"}]}]}}""", "$.template.components[0].parameters[0]")]
    public async Task A_template_send_missing_its_structure_is_a_code_100_as_for_other_malformed_bodies(string body, string member)
    {
        await using var sandbox = await StartAsync();

        var details = AssertGraphError(await SendAsync(sandbox, body), 100);

        Assert.Contains(member, details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_repeats_no_huge_name()
    {
        await using var sandbox = await StartAsync();

        var details = AssertGraphError(await SendAsync(sandbox, Body(new string('x', 500), "en_US", null)), 132001);

        Assert.True(details.Length < 300, details);
    }
}
