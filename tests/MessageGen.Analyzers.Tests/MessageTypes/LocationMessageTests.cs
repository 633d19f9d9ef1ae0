namespace MessageGen.Analyzers.Tests.MessageTypes;

/// <summary>
/// schema/location-message.schema.json: MG0007 on latitude (-90..90) and longitude (-180..180), both <c>number</c>
/// (double) members; MG0003 when one is missing; MG0005 on <c>to</c>.
/// </summary>
public class LocationMessageTests
{
    // ---- flagged ----

    [Fact]
    public Task Builder_IntDoubleAndNegativeLiteralsOutOfRange() => Verify.AnalyzerAsync(
        Verify.Code("""
            LocationContent A() => LocationContent.Builder().{|#0:WithLatitude(91)|}.WithLongitude(0).Build();
            LocationContent B() => LocationContent.Builder().{|#1:WithLatitude(-90.5)|}.{|#2:WithLongitude(181)|}.Build();
            LocationContent C() => LocationContent.Builder().{|#3:WithLatitude(90.0000001)|}.{|#4:WithLongitude(-180.000001)|}.Build();
            LocationContent D() => LocationContent.Builder().WithLatitude(0).{|#5:WithLongitude(1e3)|}.Build();
        """),
        Verify.LocationSchema,
        Verify.Diagnostic("MG0007").WithLocation(0).WithArguments("latitude", "91", "at most 90"),
        Verify.Diagnostic("MG0007").WithLocation(1).WithArguments("latitude", "-90.5", "at least -90"),
        Verify.Diagnostic("MG0007").WithLocation(2).WithArguments("longitude", "181", "at most 180"),
        Verify.Diagnostic("MG0007").WithLocation(3).WithArguments("latitude", "90.0000001", "at most 90"),
        Verify.Diagnostic("MG0007").WithLocation(4).WithArguments("longitude", "-180.000001", "at least -180"),
        Verify.Diagnostic("MG0007").WithLocation(5).WithArguments("longitude", "1000", "at most 180"));

    [Fact]
    public Task Builder_InsideTheMessageLambda() => Verify.AnalyzerAsync(
        Verify.Code("""
            LocationMessage A() => LocationMessage.Builder()
                .WithTo("+4915112345678")
                .WithLocation(l => l.{|#0:WithLatitude(91)|}.WithLongitude(13.4))
                .Build();
        """),
        Verify.LocationSchema,
        Verify.Diagnostic("MG0007").WithLocation(0).WithArguments("latitude", "91", "at most 90"));

    [Fact]
    public Task ObjectInitializer_OutOfRange() => Verify.AnalyzerAsync(
        Verify.Code("""
            LocationContent A() => new LocationContent { {|#0:Latitude = 91|}, Longitude = 0 };
            LocationContent B() => new LocationContent { {|#1:Latitude = -90.5|}, {|#2:Longitude = 181.0|} };
            LocationMessage C() => new LocationMessage
            {
                To = "+4915112345678",
                Location = new LocationContent { Latitude = 52.5, {|#3:Longitude = -181|}, Name = "Somewhere" },
            };
        """),
        Verify.LocationSchema,
        Verify.Diagnostic("MG0007").WithLocation(0).WithArguments("latitude", "91", "at most 90"),
        Verify.Diagnostic("MG0007").WithLocation(1).WithArguments("latitude", "-90.5", "at least -90"),
        Verify.Diagnostic("MG0007").WithLocation(2).WithArguments("longitude", "181", "at most 180"),
        Verify.Diagnostic("MG0007").WithLocation(3).WithArguments("longitude", "-181", "at least -180"));

    [Fact]
    public Task ConstantsAndConstantExpressions() => Verify.AnalyzerAsync(
        Verify.Code("""
            const double North = 90;
            const int Overshoot = 1;
            const float AlmostNinety = 90.00001f;
            const long Far = 200L;
            LocationContent A() => LocationContent.Builder().{|#0:WithLatitude(North + Overshoot)|}.{|#1:WithLongitude(-Far)|}.Build();
            LocationContent B() => new LocationContent { {|#2:Latitude = AlmostNinety|}, {|#3:Longitude = Far|} };
            LocationContent C() => LocationContent.Builder().{|#4:WithLongitude((double)180.5m)|}.{|#5:WithLatitude('~')|}.Build();
            LocationContent D() => LocationContent.Builder().{|#6:WithLatitude(0x5B)|}.{|#7:WithLongitude(1_8_1UL)|}.Build();
        """),
        Verify.LocationSchema,
        Verify.Diagnostic("MG0007").WithLocation(0).WithArguments("latitude", "91", "at most 90"),
        Verify.Diagnostic("MG0007").WithLocation(1).WithArguments("longitude", "-200", "at least -180"),
        Verify.Diagnostic("MG0007").WithLocation(2).WithArguments("latitude", "90.00000762939453", "at most 90"),
        Verify.Diagnostic("MG0007").WithLocation(3).WithArguments("longitude", "200", "at most 180"),
        Verify.Diagnostic("MG0007").WithLocation(4).WithArguments("longitude", "180.5", "at most 180"),
        Verify.Diagnostic("MG0007").WithLocation(5).WithArguments("latitude", "126", "at most 90"),
        Verify.Diagnostic("MG0007").WithLocation(6).WithArguments("latitude", "91", "at most 90"),
        Verify.Diagnostic("MG0007").WithLocation(7).WithArguments("longitude", "181", "at most 180"));

    [Fact]
    public Task NaNAndInfinity() => Verify.AnalyzerAsync(
        Verify.Code("""
            const double Unknown = double.NaN;
            LocationContent A() => LocationContent.Builder().{|#0:WithLatitude(double.NaN)|}.{|#1:WithLongitude(double.PositiveInfinity)|}.Build();
            LocationContent B() => new LocationContent { {|#2:Latitude = Unknown|}, {|#3:Longitude = -1.0 / 0|} };
        """),
        Verify.LocationSchema,
        Verify.Diagnostic("MG0007").WithLocation(0).WithArguments("latitude", "NaN", "a finite number (JSON has no NaN or infinity)"),
        Verify.Diagnostic("MG0007").WithLocation(1).WithArguments("longitude", "Infinity", "a finite number (JSON has no NaN or infinity)"),
        Verify.Diagnostic("MG0007").WithLocation(2).WithArguments("latitude", "NaN", "a finite number (JSON has no NaN or infinity)"),
        Verify.Diagnostic("MG0007").WithLocation(3).WithArguments("longitude", "-Infinity", "a finite number (JSON has no NaN or infinity)"));

    [Fact]
    public Task MissingCoordinate_Builder() => Verify.AnalyzerAsync(
        Verify.Code("""
            LocationContent A() => LocationContent.Builder().WithLatitude(52.5).{|#0:Build()|};
            LocationMessage B() => LocationMessage.Builder()
                .WithTo("+4915112345678")
                .WithLocation(l => {|#1:l.WithLongitude(13.4).WithName("Berlin")|})
                .Build();
        """),
        Verify.LocationSchema,
        Verify.Diagnostic("MG0003").WithLocation(0).WithArguments("LocationContent", "'longitude', which the schema requires"),
        Verify.Diagnostic("MG0003").WithLocation(1).WithArguments("LocationContent", "'latitude', which the schema requires"));

    [Fact]
    public Task MissingCoordinate_ObjectInitializer_IsTheCompilersError() => Verify.AnalyzerAsync(
        Verify.Code("""
            // Latitude and Longitude are C# 'required': the compiler reports the missing one (CS9035), MG0003 does not repeat it.
            LocationContent A() => new {|#0:LocationContent|} { Latitude = 52.5 };
        """),
        Verify.LocationSchema,
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS9035").WithLocation(0).WithArguments("MessageGen.WhatsApp.LocationContent.Longitude"));

    [Fact]
    public Task ToNotMatchingPattern() => Verify.AnalyzerAsync(
        Verify.Code("""
            LocationMessage A() => LocationMessage.Builder()
                .{|#0:WithTo("+49 151 1234567")|}
                .WithLocation(l => l.WithLatitude(0).WithLongitude(0))
                .Build();
        """),
        Verify.LocationSchema,
        Verify.Diagnostic("MG0005").WithLocation(0).WithArguments("to", "+49 151 1234567", "^\\+?[0-9]{6,15}$"));

    // ---- not flagged ----

    [Fact]
    public Task ExactBoundariesAndEquivalentForms_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            const double North = 90;
            const int South = -90;
            LocationContent A() => LocationContent.Builder().WithLatitude(90).WithLongitude(-180).Build();
            LocationContent B() => LocationContent.Builder().WithLatitude(-90).WithLongitude(180).Build();
            LocationContent C() => LocationContent.Builder().WithLatitude(90.0).WithLongitude(-180.0).Build();
            LocationContent D() => LocationContent.Builder().WithLatitude(North).WithLongitude(0).Build();
            LocationContent E() => LocationContent.Builder().WithLatitude(South).WithLongitude(1e2).Build();
            LocationContent F() => LocationContent.Builder().WithLatitude(0.9e2).WithLongitude(1.8E+2).Build();
            LocationContent G() => LocationContent.Builder().WithLatitude(90f).WithLongitude(180L).Build();
            LocationContent H() => LocationContent.Builder().WithLatitude((double)90m).WithLongitude((double)-180.0m).Build();
            LocationContent I() => new LocationContent { Latitude = 90, Longitude = -180 };
            LocationContent J() => new LocationContent { Latitude = -90.0, Longitude = 180.0 };
            LocationContent K() => new LocationContent { Latitude = 0, Longitude = 0 };
            LocationContent L() => new LocationContent { Latitude = -0.0, Longitude = 45 * 4 };
            // 90.000000000000001 is 90 as a double: the property holds exactly 90.
            LocationContent M() => LocationContent.Builder().WithLatitude(90.000000000000001).WithLongitude(0).Build();
            LocationContent N() => LocationContent.Builder().WithLatitude(default).WithLongitude(default(double)).Build();
            // 90.000001f is exactly 90 as a float, so the member receives 90.
            LocationContent O() => LocationContent.Builder().WithLatitude(90.000001f).WithLongitude(+180).Build();
            LocationContent P() => LocationContent.Builder().WithLatitude(0x5A).WithLongitude(-1_8_0).Build();
            LocationContent Q() => LocationContent.Builder().WithLatitude(90u).WithLongitude((short)-180).Build();
        """),
        Verify.LocationSchema);

    [Fact]
    public Task RuntimeValues_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            static readonly double Pole = 91;
            LocationContent A(double latitude, double longitude) => LocationContent.Builder().WithLatitude(latitude).WithLongitude(longitude).Build();
            LocationContent B()
            {
                var latitude = 91.0;
                double longitude = 181;
                return new LocationContent { Latitude = latitude, Longitude = longitude };
            }
            LocationContent C() => LocationContent.Builder().WithLatitude(Pole).WithLongitude(Math.Min(200, 100)).Build();
            LocationContent D(int offset) => LocationContent.Builder().WithLatitude(80 + offset).WithLongitude(0).Build();
            LocationContent E(double latitude = 91, double longitude = 181) => new LocationContent { Latitude = latitude, Longitude = longitude };
            LocationContent F(bool north) => LocationContent.Builder().WithLatitude(north ? 90 : -90).WithLongitude(0).Build();
        """),
        Verify.LocationSchema);

    [Fact]
    public Task NullAndOptionalMembers_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            LocationContent A() => LocationContent.Builder().WithLatitude(1).WithLongitude(2).WithName(null).WithAddress(null).Build();
            LocationContent B() => new LocationContent { Latitude = 1, Longitude = 2, Name = null, Address = "" };
            LocationMessage C() => LocationMessage.Builder().WithTo("4915112345678").WithLocation(l => l.WithLongitude(2).WithLatitude(1)).Build();
        """),
        Verify.LocationSchema);

    [Fact]
    public Task UsersOwnTypesWithTheSameNames_NotFlagged() => Verify.AnalyzerAsync(
        """
        using MessageGen.WhatsApp;

        namespace MyApp
        {
            public sealed class LocationContent
            {
                public double Latitude { get; init; }
                public double Longitude { get; init; }
                public LocationContent WithLatitude(double latitude) => new() { Latitude = latitude, Longitude = Longitude };
            }

            public static class Places
            {
                public static LocationContent A() => new LocationContent { Latitude = 91, Longitude = 181 }.WithLatitude(-100);
                public static MessageGen.WhatsApp.LocationContent B() => MessageGen.WhatsApp.LocationContent.Builder().WithLatitude(1).WithLongitude(2).Build();
                public static LocationContentBuilder WithLatitude(this LocationContentBuilder b, string text) => b.WithLatitude(double.Parse(text));
                public static MessageGen.WhatsApp.LocationContent C() => MessageGen.WhatsApp.LocationContent.Builder().WithLatitude("91").WithLongitude(2).Build();
            }
        }
        """,
        Verify.LocationSchema);
}
