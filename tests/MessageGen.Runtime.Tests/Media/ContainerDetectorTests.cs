using MessageGen.Media;

namespace MessageGen.Runtime.Tests.Media;

public class ContainerDetectorTests
{
    [Theory]
    [InlineData("isom", "", VideoContainer.Mp4)]
    [InlineData("mp42", "", VideoContainer.Mp4)]
    [InlineData("M4V ", "M4V M4A mp42 isom", VideoContainer.Mp4)]
    [InlineData("3gp4", "3gp4 isom", VideoContainer.ThreeGpp)]
    [InlineData("3gp6", "", VideoContainer.ThreeGpp)]
    [InlineData("3ge7", "", VideoContainer.ThreeGpp)]
    [InlineData("qt  ", "qt  ", VideoContainer.QuickTime)]
    [InlineData("XYZ1", "XYZ1 mp41", VideoContainer.Mp4)]
    [InlineData("XYZ1", "XYZ1 3gp5", VideoContainer.ThreeGpp)]
    [InlineData("heic", "mif1 heic", VideoContainer.Unknown)]
    public void The_major_brand_decides_then_the_compatible_brands(string major, string compatible, VideoContainer expected)
    {
        var brands = compatible.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(b => b.PadRight(4)).ToArray();

        Assert.Equal(expected, ContainerDetector.Detect(major, brands, startsWithoutFtyp: false));
    }

    [Fact]
    public void A_file_without_ftyp_is_old_QuickTime()
    {
        Assert.Equal(VideoContainer.QuickTime, ContainerDetector.Detect(null, [], startsWithoutFtyp: true));
    }

    [Fact]
    public void A_file_whose_ftyp_gives_no_brand_is_unknown()
    {
        Assert.Equal(VideoContainer.Unknown, ContainerDetector.Detect(null, [], startsWithoutFtyp: false));
    }

    [Theory]
    [InlineData(VideoContainer.Mp4, "mp4", "video/mp4")]
    [InlineData(VideoContainer.ThreeGpp, "3gp", "video/3gpp")]
    [InlineData(VideoContainer.QuickTime, "mov", "video/quicktime")]
    [InlineData(VideoContainer.Unknown, "unknown", "application/octet-stream")]
    public void Containers_have_the_names_and_mime_types_of_the_contract(VideoContainer container, string name, string mime)
    {
        Assert.Equal(name, container.ToShortName());
        Assert.Equal(mime, container.ToMimeType());
    }

    [Fact]
    public void A_file_without_ftyp_starting_with_moov_is_inspected_as_QuickTime()
    {
        var file = VideoFixtures.Read("main.mp4");
        var moovStart = file.AsSpan().IndexOf("moov"u8) - 4;

        var report = VideoFileInspector.Inspect(new MemoryStream(file[moovStart..]));

        Assert.Equal(VideoContainer.QuickTime, report.Container);
        Assert.Null(report.MajorBrand);
        Assert.Equal([VideoProblemCodes.Container], report.Problems.Select(p => p.Code));
    }
}
