namespace KernelGen;

/// <summary>
/// The extent of one dimension of a convolution or pool: how many outputs it has and how many zero positions
/// are padded before and after the input.
/// </summary>
/// <param name="Output">The output size; 0 when no window fits (a <see cref="Padding.Valid"/> input shorter than the window).</param>
/// <param name="PadBefore">Padded positions before the first input element.</param>
/// <param name="PadAfter">Padded positions after the last input element.</param>
public readonly record struct DimensionExtent(int Output, int PadBefore, int PadAfter);
