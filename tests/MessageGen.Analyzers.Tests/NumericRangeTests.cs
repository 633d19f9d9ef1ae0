namespace MessageGen.Analyzers.Tests;

/// <summary>MG0007: constant numbers against <c>minimum</c>, <c>maximum</c>, their exclusive forms and <c>multipleOf</c>.</summary>
public class NumericRangeTests
{
    private static readonly string[] Schemas = ["measurement.schema.json"];

    [Fact]
    public Task ConstantsBeyondTheLimits() => Verify.AnalyzerAsync(
        Verify.Code("""
            Measurement A() => Measurement.Builder().{|#0:WithLatitude(91)|}.{|#1:WithLongitude(-180.5)|}.Build();
            Measurement B() => new Measurement { Latitude = 0, Longitude = 0, {|#2:Score = 0|}, {|#3:Steps = 7|} };
            Measurement C() => Measurement.Builder().WithLatitude(0).WithLongitude(0).{|#4:WithScore(10)|}.{|#5:WithPrice(19.999)|}.Build();
        """),
        Schemas,
        Verify.Diagnostic("MG0007").WithLocation(0).WithArguments("latitude", "91", "at most 90"),
        Verify.Diagnostic("MG0007").WithLocation(1).WithArguments("longitude", "-180.5", "at least -180"),
        Verify.Diagnostic("MG0007").WithLocation(2).WithArguments("score", "0", "more than 0"),
        Verify.Diagnostic("MG0007").WithLocation(3).WithArguments("steps", "7", "a multiple of 5"),
        Verify.Diagnostic("MG0007").WithLocation(4).WithArguments("score", "10", "less than 10"),
        Verify.Diagnostic("MG0007").WithLocation(5).WithArguments("price", "19.999", "a multiple of 0.01"));

    [Fact]
    public Task ConstantsOutsideAnEnum() => Verify.AnalyzerAsync(
        Verify.Code("""
            Measurement A() => Measurement.Builder().WithLatitude(0).WithLongitude(0).{|#0:WithRating(4)|}.{|#1:WithUnit("km")|}.Build();
            Measurement B() => new Measurement { Latitude = 0, Longitude = 0, {|#2:Version = 2.5|}, {|#3:Unit = "M"|} };
        """),
        Schemas,
        Verify.Diagnostic("MG0007").WithLocation(0).WithArguments("rating", "4", "one of 1, 2, 3, 5"),
        Verify.Diagnostic("MG0008").WithLocation(1).WithArguments("unit", "km", "\"m\", \"ft\""),
        Verify.Diagnostic("MG0007").WithLocation(2).WithArguments("version", "2.5", "one of 2"),
        Verify.Diagnostic("MG0008").WithLocation(3).WithArguments("unit", "M", "\"m\", \"ft\""));

    [Fact]
    public Task ConstantsInAnEnum_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            const string Feet = "ft";
            Measurement A(string unit) => Measurement.Builder().WithLatitude(0).WithLongitude(0).WithRating(5).WithUnit("m").Build();
            Measurement B(string unit) => new Measurement { Latitude = 0, Longitude = 0, Version = 2, Unit = Feet, Rating = 2 };
            Measurement C(string unit) => new Measurement { Latitude = 0, Longitude = 0, Unit = unit };
        """),
        Schemas);

    [Fact]
    public Task ConstantsWithinTheLimitsAndRuntimeValues_NotFlagged() => Verify.AnalyzerAsync(
        Verify.Code("""
            const double North = 90;
            Measurement A() => Measurement.Builder().WithLatitude(North).WithLongitude(-180).WithScore(9).WithPrice(19.99).WithSteps(-15).Build();
            Measurement B(double latitude, long score) => new Measurement { Latitude = latitude, Longitude = 180.0, Score = score, Price = 0.075e1 };
            Measurement C() => Measurement.Builder().WithLatitude(-90).WithLongitude(0).WithVerified(true).WithReadings(new[] { -1.0 }).Build();
        """),
        Schemas);
}
