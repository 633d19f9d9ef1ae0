using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using MessageGen.Media;

namespace MessageGen.Inspection.Benchmarks;

/// <summary>
/// Inspecting a 16 MiB MP4 with <c>moov</c> first. Target: under 5 ms and under 1 MB read
/// (the "Bytes read" column, counted below any stream buffering).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class InspectionBenchmarks
{
    private string _path = "";
    private FileStream? _open;

    [GlobalSetup]
    public void Setup()
    {
        _path = SixteenMegabyteFile.Create();
        _open = SixteenMegabyteFile.OpenUnbuffered(_path);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _open?.Dispose();
        File.Delete(_path);
    }

    /// <summary>From the path: opens the file, inspects it, closes it (what <c>messagegen inspect</c> does).</summary>
    [Benchmark(Baseline = true)]
    public bool InspectPath() => VideoFileInspector.Inspect(_path).IsCompatible;

    /// <summary>From a stream that is already open (what an upload does before sending it).</summary>
    [Benchmark]
    public bool InspectOpenStream() => VideoFileInspector.Inspect(_open!).IsCompatible;

    [Benchmark]
    public async Task<bool> InspectPathAsync() => (await VideoFileInspector.InspectAsync(_path)).IsCompatible;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new BytesReadColumn());
    }

    /// <summary>Bytes one inspection asks for, measured once in the host through <c>Inspect(Stream)</c>.</summary>
    private sealed class BytesReadColumn : IColumn
    {
        private readonly Lazy<long> _bytesRead = new(() =>
        {
            var path = SixteenMegabyteFile.Create();
            try
            {
                return SixteenMegabyteFile.BytesReadByInspection(path);
            }
            finally
            {
                File.Delete(path);
            }
        });

        public string Id => nameof(BytesReadColumn);

        public string ColumnName => "Bytes read";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "Bytes of the 16 MiB file read by one inspection (counted by a wrapper stream over an unbuffered FileStream)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => _bytesRead.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
