namespace KernelGen.Generators.Planning;

/// <summary>Which end of a row an edge pass computes, with the taps in the padding shifted in from zeros.</summary>
internal enum RowEdge
{
    None,
    Left,
    Right,
}

/// <summary>
/// One emitted method of the row layout: <see cref="Rows"/> output rows of <see cref="Block"/> output channels at
/// one width, every kernel row inside the input or (<see cref="Guarded"/>) skipping those in the padding, over the
/// interior columns or one end vector. Its definition and every call to it take the name from here.
/// </summary>
internal sealed record RowPass(VectorWidth Width, int Block, int Rows, bool Guarded, RowEdge Edge)
{
    public string Name => Edge != RowEdge.None
        ? $"Edge{Width.Suffix()}{(Rows == 1 ? "" : $"x{Rows}")}_{Edge}_Block{Block}"
        : Rows == 1
            ? $"Row{Width.Suffix()}_{(Guarded ? "Border" : "Interior")}_Block{Block}"
            : $"Rows{Width.Suffix()}x{Rows}_{(Guarded ? "Border" : "Interior")}_Block{Block}";
}
