using System.Buffers;

namespace MessageGen.Internal;

/// <summary>A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: request and response bodies cost no garbage per send.</summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private const int MinimumSize = 512;

    private byte[] _array;
    private int _length;

    public PooledBuffer(int initialSize = MinimumSize)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialSize, MinimumSize));
    }

    public byte[] Array => _array;

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _length);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_length + count > _array.Length)
        {
            throw new InvalidOperationException("Cannot advance past the end of the buffer.");
        }

        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return _array.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return _array.AsSpan(_length);
    }

    /// <summary>Reads <paramref name="stream"/> to its end, failing when it holds more than <paramref name="maxLength"/> bytes.</summary>
    public async ValueTask ReadFromAsync(Stream stream, int maxLength, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await stream.ReadAsync(GetMemory(1), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            _length += read;
            if (_length > maxLength)
            {
                throw new InvalidDataException($"The answer is larger than {maxLength} bytes.");
            }
        }
    }

    public void Dispose()
    {
        var array = _array;
        _array = System.Array.Empty<byte>();
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void EnsureFree(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_array.Length - _length >= sizeHint)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + sizeHint));
        _array.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
