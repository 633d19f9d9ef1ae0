namespace MessageGen.Serialization;

/// <summary>
/// <c>multipleOf</c> as JSON Schema means it, compiled into the runtime and the analyzers alike so that compile time
/// and run time agree.
/// </summary>
internal static class NumberRules
{
    /// <summary>
    /// Whether <paramref name="value"/> is a whole multiple of <paramref name="divisor"/>, computed in decimal where both
    /// fit so that 0.0075 is a multiple of 0.0001 (binary floating point says it is not); a quotient too large for a
    /// double (1e308 by 0.123456789) is no whole number.
    /// </summary>
    public static bool IsMultipleOf(double value, double divisor)
    {
        // Decimal keeps 28 digits: in this range a double's 15 significant digits convert exactly.
        static bool FitsDecimal(double x) => x == 0 || (System.Math.Abs(x) >= 1e-12 && System.Math.Abs(x) < 1e15);
        if (FitsDecimal(value) && FitsDecimal(divisor))
        {
            return (decimal)value % (decimal)divisor == 0;
        }

        var quotient = value / divisor;
        return !double.IsInfinity(quotient) && !double.IsNaN(quotient) && System.Math.Floor(quotient) == quotient;
    }
}
