namespace KernelGen.Generators.Planning;

/// <summary>
/// Which columns of its rows a pass computes: the interior, whose windows lie inside the input row, or the vector (or
/// block) at the left or right end, whose windows reach into the padding. A pass serving ends takes it as a type
/// argument (the runtime's <c>KernelColumns</c>), so one method body serves all three and the JIT compiles a copy for each.
/// The channel-lane blocks have a fourth copy, <see cref="SevenWide"/>.
/// </summary>
internal enum ColumnRange
{
    Interior,
    LeftEnd,
    RightEnd,

    /// <summary>Interior channel-lane blocks of seven columns rather than eight (<see cref="ChannelLanes.HasSevenWide"/>).</summary>
    SevenWide,
}
