namespace KernelGen.Generators.Planning;

/// <summary>
/// The register width of one code path of a kernel. The plan decides per width (how many rows a pass blocks, whether
/// weights stay in registers, which methods exist); the emitter's <c>SimdWidth</c> writes each width's text.
/// </summary>
internal enum VectorWidth
{
    Scalar = 0,
    V128 = 128,
    V256 = 256,
    V512 = 512,
}

internal static class VectorWidths
{
    /// <summary>The vector widths, widest first, in the order the run-time dispatch tries them.</summary>
    public static readonly VectorWidth[] Vectors = [VectorWidth.V512, VectorWidth.V256, VectorWidth.V128];

    /// <summary>The vector widths of the row layout beside the channel-lane path, which Vector512 runs (see <see cref="KernelPlan.RowWidths"/>).</summary>
    public static readonly VectorWidth[] BesideChannelLanes = [VectorWidth.V256, VectorWidth.V128];

    /// <summary>Every code path: the vector widths, then scalars.</summary>
    public static readonly VectorWidth[] All = [VectorWidth.V512, VectorWidth.V256, VectorWidth.V128, VectorWidth.Scalar];

    public static bool IsScalar(this VectorWidth width) => width == VectorWidth.Scalar;

    /// <summary>Elements of <paramref name="plan"/>'s type in one register of this width (1 for scalars).</summary>
    public static int Lanes(this VectorWidth width, KernelPlan plan) => width.IsScalar() ? 1 : (int)width / 8 / plan.ElementBytes;

    /// <summary>A short name for method names: <c>512</c>, <c>256</c>, <c>128</c> or <c>Scalar</c>.</summary>
    public static string Suffix(this VectorWidth width) => width.IsScalar() ? "Scalar" : ((int)width).ToString();

    /// <summary>
    /// Registers a pass may fill with accumulators: half the vector registers (32 with AVX-512, 16 below it), the
    /// rest holding the loaded vectors and the weights.
    /// </summary>
    public static int AccumulatorRegisters(this VectorWidth width) => width == VectorWidth.V512 ? 16 : 8;
}
