using Microsoft.CodeAnalysis;

namespace MessageGen.Tests;

/// <summary>The code generated for the templates fixture (tests/fixtures/templates), checked in under Snapshots/Templates.</summary>
public class TemplateSnapshotTests
{
    /// <summary>The approved names of the fixture; its pending, rejected, paused and disabled ones get no type.</summary>
    private static readonly string[] s_approvedTypes =
    {
        "OrderShippedTemplate", "WelcomeOfferTemplate", "FlashSaleTemplate", "NewArrivalTemplate", "InvoiceReadyTemplate",
        "PickupPointTemplate", "AppointmentReminderTemplate",
    };

    public static TheoryData<string> ApprovedTypes() => new(s_approvedTypes);

    [Theory]
    [MemberData(nameof(ApprovedTypes))]
    public void Generated_template_matches_snapshot(string typeName)
    {
        var result = TemplateHarness.Run(out _, out _);
        var generated = result.GeneratedSources.Single(s => s.HintName == $"MessageGen.WhatsApp.{typeName}.template.g.cs");
        Snapshot.AssertMatches(Path.Combine("Templates", typeName + ".g.cs"), generated.SourceText.ToString());
    }

    [Fact]
    public void The_fixture_generates_one_type_per_approved_name_and_compiles_without_warnings()
    {
        var result = TemplateHarness.Run(out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var warnings = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(warnings.Count == 0, string.Join(Environment.NewLine, warnings));
        var templates = result.GeneratedSources.Where(s => s.HintName.EndsWith(".template.g.cs", StringComparison.Ordinal))
            .Select(s => s.HintName["MessageGen.WhatsApp.".Length..^".template.g.cs".Length])
            .Order(StringComparer.Ordinal);
        Assert.Equal(s_approvedTypes.Order(StringComparer.Ordinal), templates);
        foreach (var notApproved in new[] { "TeaserTemplate", "PrizeDrawTemplate", "SummerSaleTemplate", "OrderShippedLegacyTemplate" })
        {
            Assert.Null(output.GetTypeByMetadataName("MessageGen.WhatsApp." + notApproved));
        }
    }

    [Fact]
    public void A_template_type_is_a_message_the_client_can_send_with_the_approved_languages_listed()
    {
        TemplateHarness.Run(out var output, out _);

        var type = output.GetTypeByMetadataName("MessageGen.WhatsApp.OrderShippedTemplate")!;
        Assert.Contains(type.AllInterfaces, i => i.ToDisplayString() == "MessageGen.IWhatsAppMessage");
        var builder = output.GetTypeByMetadataName("MessageGen.WhatsApp.OrderShippedTemplateBuilder")!;
        Assert.Contains(builder.Constructors, c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);
        var methods = builder.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public)
            .Select(m => $"{m.Name}({string.Join(", ", m.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))})")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                "Build()", "WithBody(string, string)", "WithButton0(string?)", "WithHeaderVideo(Func<VideoMediaBuilder, VideoMediaBuilder>)",
                "WithHeaderVideo(VideoMedia?)", "WithLanguage(string?)", "WithTo(string?)",
            },
            methods);
    }

    [Fact]
    public void A_name_approved_in_languages_with_different_parameters_gets_an_overload_per_shape()
    {
        TemplateHarness.Run(out var output, out _);

        var builder = output.GetTypeByMetadataName("MessageGen.WhatsApp.AppointmentReminderTemplateBuilder")!;
        var bodies = builder.GetMembers("WithBody").OfType<IMethodSymbol>().Select(m => m.Parameters.Length).Order();
        Assert.Equal(new[] { 2, 3 }, bodies);
    }

    [Fact]
    public void Named_parameters_become_camel_case_parameters()
    {
        TemplateHarness.Run(out var output, out _);

        var builder = output.GetTypeByMetadataName("MessageGen.WhatsApp.WelcomeOfferTemplateBuilder")!;
        var body = Assert.Single(builder.GetMembers("WithBody").OfType<IMethodSymbol>());
        Assert.Equal(new[] { "firstName", "discountCode", "validUntil" }, body.Parameters.Select(p => p.Name));
        Assert.Single(builder.GetMembers("WithHeaderText"));
    }
}
