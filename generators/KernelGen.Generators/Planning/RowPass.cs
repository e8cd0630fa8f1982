namespace KernelGen.Generators.Planning;

/// <summary>
/// One emitted method of the row layout: <see cref="Rows"/> output rows of <see cref="Block"/> output channels at
/// one width, every kernel row inside the input or (<see cref="Guarded"/>) skipping those in the padding. A guarded
/// pass with <see cref="AllRows"/> serves interior rows too (the plan lists no interior pass beside it). A pass that
/// <see cref="ServesEnds"/> computes the interior columns or the vector at either end of its rows, whichever its
/// type argument says (see <see cref="ColumnRange"/>). Its definition and every call to it take the name from here.
/// </summary>
internal sealed record RowPass(VectorWidth Width, int Block, int Rows, bool Guarded, bool AllRows = false, bool ServesEnds = false)
{
    /// <summary>
    /// Whether the pass takes the number of its rows to store (1 to <see cref="Rows"/>): a block serving every row
    /// serves single rows and a band's last rows this way; the rows past the count are neither computed nor stored.
    /// </summary>
    public bool TakesRowCount => AllRows && Rows > 1;

    /// <summary>
    /// Whether the pass takes a number of rows to compute one after the other (a single-row interior pass at a vector
    /// width): a run of interior rows is then one call, its setup (shuffle indices, hoisted weights) done once, rather
    /// than a call per row, which a pool's few operations per row cannot hide.
    /// </summary>
    public bool LoopsRows => Rows == 1 && !Guarded && !AllRows && !Width.IsScalar();

    public string Name
        => $"{(Rows == 1 ? $"Row{Width.Suffix()}" : $"Rows{Width.Suffix()}x{Rows}")}_{(AllRows ? "" : Guarded ? "Border_" : "Interior_")}Block{Block}";
}
