using System.ComponentModel;

namespace KernelGen;

/// <summary>
/// Which columns of its rows a generated pass computes, given as the pass's type argument. One method body then
/// serves the interior and both end vectors of a row: the JIT compiles it once per type argument (they are value
/// types), folds its tests on the argument away, and each copy keeps only its own loads. The C# compiler binds the
/// body once, which keeps the generated source and the build small.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelColumns
{
    /// <summary>Columns whose every window column lies inside the input row.</summary>
    public readonly struct Interior;

    /// <summary>The vector or block at the left end of a row, whose first windows reach into the left padding.</summary>
    public readonly struct LeftEnd;

    /// <summary>The vector or block at the right end of a row, whose last windows reach into the right padding.</summary>
    public readonly struct RightEnd;

    /// <summary>
    /// Interior blocks of seven columns rather than eight: a channel-lane block on rows that seven divides more
    /// closely (7, 14 or 28 columns), so that none of its outputs is computed only to be dropped.
    /// </summary>
    public readonly struct SevenWide;
}
