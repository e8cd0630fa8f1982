namespace KernelGen.Generators.Planning;

/// <summary>
/// How much of the window is unrolled. Small and medium windows (up to <see cref="MaxUnrolledTaps"/> taps, so every
/// window up to 16 × 16) are fully unrolled; larger ones loop over rows with each row unrolled, and rows wider than
/// <see cref="MaxUnrolledRow"/> loop over columns too, so the generated code and the build stay small whatever the
/// window (reported with info diagnostic KG0100).
/// </summary>
internal enum TapLayout
{
    Unrolled,
    RowsLooped,
    RowsAndColumnsLooped,
}

/// <summary>The thresholds that choose a <see cref="TapLayout"/>.</summary>
internal static class TapLayouts
{
    public const int MaxUnrolledTaps = 256;
    public const int MaxUnrolledRow = 64;

    public static TapLayout For(int kernelHeight, int kernelWidth)
        => (long)kernelHeight * kernelWidth <= MaxUnrolledTaps ? TapLayout.Unrolled
            : kernelWidth <= MaxUnrolledRow ? TapLayout.RowsLooped
            : TapLayout.RowsAndColumnsLooped;
}
