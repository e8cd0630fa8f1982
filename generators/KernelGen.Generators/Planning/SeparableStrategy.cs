namespace KernelGen.Generators.Planning;

/// <summary>How a rank-1 constant window is split into its column and row filters.</summary>
internal enum SeparableStrategy
{
    /// <summary>
    /// The column filter down the input into intermediate rows (the thread's scratch buffer), then the row filter along them: fewest
    /// operations, at the price of one store and reload per output. Suits wide row filters.
    /// </summary>
    Strips,

    /// <summary>
    /// The row filter of each input row in registers, then the column filter across those: no intermediate memory,
    /// but each input row's filter is computed once per block of output rows. Suits short row filters (Sobel, 3 × 3 boxes).
    /// </summary>
    Registers,
}
