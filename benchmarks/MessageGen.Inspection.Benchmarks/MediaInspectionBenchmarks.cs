using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using MessageGen.Media;

namespace MessageGen.Inspection.Benchmarks;

/// <summary>
/// Inspecting an image, audio file, document or sticker as large as its kind allows. Target: under 64 KB read (the
/// "Bytes read" column, counted below any stream buffering) and under 1 ms per inspection.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MediaInspectionBenchmarks
{
    private string _path = "";
    private FileStream? _open;

    [ParamsSource(nameof(Files))]
    public string File { get; set; } = "";

    public static IEnumerable<string> Files => MaxSizeMediaFile.Sizes.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _path = MaxSizeMediaFile.Create(File);
        _open = MaxSizeMediaFile.OpenUnbuffered(_path);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _open?.Dispose();
        System.IO.File.Delete(_path);
    }

    /// <summary>From the path: opens the file, inspects it, closes it (what <c>messagegen inspect</c> does).</summary>
    [Benchmark(Baseline = true)]
    public bool InspectPath() => MediaFileInspector.Inspect(_path).IsCompatible;

    /// <summary>From a stream that is already open (what an upload does before sending it).</summary>
    [Benchmark]
    public bool InspectOpenStream() => MediaFileInspector.Inspect(_open!).IsCompatible;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new BytesReadColumn());
    }

    /// <summary>Bytes one inspection asks for, measured once per file in the host through <c>Inspect(Stream)</c>.</summary>
    private sealed class BytesReadColumn : IColumn
    {
        private readonly Dictionary<string, long> _bytesRead = [];

        public string Id => nameof(BytesReadColumn);

        public string ColumnName => "Bytes read";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "Bytes of the file read by one inspection (counted by a wrapper stream over an unbuffered FileStream)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var name = (string)benchmarkCase.Parameters[nameof(File)];
            if (!_bytesRead.TryGetValue(name, out var bytes))
            {
                var path = MaxSizeMediaFile.Create(name);
                try
                {
                    bytes = _bytesRead[name] = MaxSizeMediaFile.BytesReadByInspection(path);
                }
                finally
                {
                    System.IO.File.Delete(path);
                }
            }

            return bytes.ToString("N0", CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
