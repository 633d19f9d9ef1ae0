using System.Collections;
using System.ComponentModel;

namespace MessageGen.Serialization;

/// <summary>
/// The violations found in one message, used by generated code. Keeps the first <see cref="Capacity"/> and only
/// counts the rest, so that hostile input (a million unknown members) costs neither memory nor time per violation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationErrors : IReadOnlyList<ValidationError>
{
    /// <summary>How many violations are kept; enough to fix a message, small enough to print.</summary>
    public const int Capacity = 100;

    // Made on the first violation: a valid message, the common case, costs no list.
    private List<ValidationError>? _kept;

    /// <summary>How many violations were found beyond <see cref="Capacity"/> and not kept.</summary>
    public int Omitted { get; private set; }

    /// <summary>
    /// Whether another violation will be kept. When not, it is counted here, so that the caller can skip building a
    /// message nobody will read.
    /// </summary>
    public bool TryReserve()
    {
        if (Count < Capacity)
        {
            return true;
        }

        Omitted++;
        return false;
    }

    /// <inheritdoc />
    public int Count => _kept?.Count ?? 0;

    /// <inheritdoc />
    public ValidationError this[int index] => _kept is null ? throw new ArgumentOutOfRangeException(nameof(index)) : _kept[index];

    /// <summary>Keeps <paramref name="error"/>, or counts it once <see cref="Capacity"/> are kept.</summary>
    public void Add(ValidationError error)
    {
        if (TryReserve())
        {
            (_kept ??= []).Add(error);
        }
    }

    /// <summary>Removes the kept violations from index <paramref name="start"/> on whose path is in <paramref name="paths"/>.</summary>
    internal void RemoveFrom(int start, HashSet<string> paths)
    {
        for (var i = Count - 1; i >= start; i--)
        {
            if (paths.Contains(_kept![i].Path))
            {
                _kept.RemoveAt(i);
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<ValidationError> GetEnumerator() => (_kept ?? Enumerable.Empty<ValidationError>()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
