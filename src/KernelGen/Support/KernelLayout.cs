using System.ComponentModel;

namespace KernelGen;

/// <summary>
/// The run-time layout of one generated kernel call: sizes, padding and the interior, where a whole window
/// lies inside the input so the unrolled code needs no bounds checks. Outputs outside the interior columns are
/// computed by <see cref="KernelBorders"/>; outputs in rows outside the interior rows skip their padded kernel rows.
/// </summary>
/// <param name="Height">Input rows (1 for 1D).</param>
/// <param name="Width">Input columns.</param>
/// <param name="OutHeight">Output rows.</param>
/// <param name="OutWidth">Output columns.</param>
/// <param name="PadTop">Padded rows above the input.</param>
/// <param name="PadLeft">Padded columns left of the input.</param>
/// <param name="RowStart">First output row whose window rows all lie inside the input.</param>
/// <param name="RowEnd">One past the last such row.</param>
/// <param name="ColumnStart">First output column whose window columns all lie inside the input.</param>
/// <param name="ColumnEnd">One past the last such column.</param>
/// <param name="VectorColumnEnd">One past the last interior column a vector load may cover, allowing for its over-read.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct KernelLayout(
    int Height, int Width, int OutHeight, int OutWidth, int PadTop, int PadLeft,
    int RowStart, int RowEnd, int ColumnStart, int ColumnEnd, int VectorColumnEnd)
{
    /// <summary>Builds the layout of a checked call.</summary>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="extents">The extents the argument checks returned.</param>
    /// <param name="strideHeight">Step between output rows.</param>
    /// <param name="strideWidth">Step between output columns.</param>
    /// <param name="rowReach">Rows a window spans after its first: <c>dilation·(KH − 1)</c>.</param>
    /// <param name="columnReach">Columns a window spans after its first: <c>dilation·(KW − 1)</c>.</param>
    /// <param name="vectorOverRead">Elements a vector load reads past its last lane (stride − 1 for strided loads).</param>
    public static KernelLayout Create(
        int height, int width, in KernelExtents extents, int strideHeight, int strideWidth, int rowReach, int columnReach, int vectorOverRead)
    {
        (int rowStart, int rowEnd) = ShapeMath.InteriorRange(height, extents.Rows, strideHeight, rowReach);
        (int columnStart, int columnEnd) = ShapeMath.InteriorRange(width, extents.Columns, strideWidth, columnReach);
        int vectorReach = (int)Math.Min((long)columnReach + vectorOverRead, int.MaxValue);
        (_, int vectorEnd) = ShapeMath.InteriorRange(width, extents.Columns, strideWidth, vectorReach);
        return new KernelLayout(height, width, extents.Rows.Output, extents.Columns.Output, extents.Rows.PadBefore, extents.Columns.PadBefore,
            rowStart, rowEnd, columnStart, columnEnd, vectorEnd);
    }

    /// <summary>How many of a window's <paramref name="kernelHeight"/> rows lie inside the input for output row <paramref name="y"/>.</summary>
    /// <param name="y">The output row.</param>
    /// <param name="kernelHeight">Rows of the window.</param>
    /// <param name="strideHeight">Step between output rows.</param>
    /// <param name="dilation">Spacing of the window rows.</param>
    public int RowsInside(int y, int kernelHeight, int strideHeight, int dilation)
    {
        int count = 0;
        for (int i = 0; i < kernelHeight; i++)
        {
            if ((uint)(y * strideHeight + i * dilation - PadTop) < (uint)Height)
            {
                count++;
            }
        }

        return count;
    }
}
