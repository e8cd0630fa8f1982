using KernelGen.Generators.Helpers;

namespace KernelGen.Generators.Emit;

/// <summary>The locals every pass over a block of output rows starting at row <c>y</c> begins with, written once for every emitter.</summary>
internal static class PassLocals
{
    /// <summary>
    /// <c>width</c>, the input <c>plane</c> and output <c>outPlane</c> sizes, and <c>top</c>, the input row of the
    /// first kernel row of output row <c>y</c> (possibly in the padding); <c>layout</c> and <c>y</c> must be in scope.
    /// </summary>
    public static void WriteGeometry(SourceWriter w)
    {
        w.Line("int width = layout.Width;");
        w.Line("nint plane = (nint)layout.Height * width;");
        w.Line("nint outPlane = (nint)layout.OutHeight * layout.OutWidth;");
        w.Line("int top = y * StrideHeight - layout.PadTop; // input row of the first kernel row, possibly in the padding");
    }
}
