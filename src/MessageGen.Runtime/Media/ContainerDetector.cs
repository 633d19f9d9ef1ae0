namespace MessageGen.Media;

/// <summary>Tells the container from the <c>ftyp</c> brands, the way players decide what a file is.</summary>
internal static class ContainerDetector
{
    private static readonly HashSet<string> s_mp4Brands = new(StringComparer.Ordinal)
    {
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "mp71", "avc1",
        "M4V ", "M4VH", "M4VP", "M4A ", "dash", "msdh", "msix", "cmfc", "cmf2", "MSNV", "XAVC", "f4v ",
    };

    public static VideoContainer Detect(string? majorBrand, IReadOnlyList<string> compatibleBrands, bool startsWithoutFtyp)
    {
        if (majorBrand is null)
        {
            // QuickTime files from before ftyp existed start straight with their boxes; an ftyp with no brand is unknown.
            return startsWithoutFtyp ? VideoContainer.QuickTime : VideoContainer.Unknown;
        }

        if (FromBrand(majorBrand) is { } fromMajor)
        {
            return fromMajor;
        }

        foreach (var brand in compatibleBrands)
        {
            if (FromBrand(brand) is { } fromCompatible)
            {
                return fromCompatible;
            }
        }

        return VideoContainer.Unknown;
    }

    private static VideoContainer? FromBrand(string brand)
    {
        if (brand == "qt  ")
        {
            return VideoContainer.QuickTime;
        }

        // 3GPP brands: 3gp4..3gp9, plus 3gr/3gs/3ge/3gg profiles of release 6 and later (3GPP TS 26.244).
        if (brand.StartsWith("3gp", StringComparison.Ordinal) || brand.StartsWith("3gr", StringComparison.Ordinal)
            || brand.StartsWith("3gs", StringComparison.Ordinal) || brand.StartsWith("3ge", StringComparison.Ordinal)
            || brand.StartsWith("3gg", StringComparison.Ordinal))
        {
            return VideoContainer.ThreeGpp;
        }

        return s_mp4Brands.Contains(brand) ? VideoContainer.Mp4 : null;
    }
}
