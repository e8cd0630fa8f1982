using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes the path of a one-channel-per-output convolution (depthwise) on a narrow map (<see cref="KernelPlan.HasSmallPlanes"/>):
/// rows of 7 to 28 outputs leave a row vector mostly empty or in its scalar tail, and MobileNetV2's deep depthwise
/// layers have hundreds of such planes. Each input plane is copied once into scratch with its padding written in as
/// zeros, rows <c>paddedWidth</c> apart; the outputs are then computed over the flattened copy, position
/// <c>y·paddedWidth + x</c>, where every tap is one constant offset, so the vectors run on across the row ends. The
/// columns past each row's end (as many as the window reaches) are computed and dropped when the rows are copied out.
/// </summary>
internal static class SmallPlaneEmitter
{
    /// <summary>Maps narrower than this take the path: the row path fills its vectors from two 512-bit vectors a row.</summary>
    public const int MaxOutWidth = 31;

    private const string Vector = "Vector256";

    public static void WriteCall(SourceWriter w, KernelPlan plan)
    {
        using (w.Block($"if ({Vector}.IsHardwareAccelerated && layout.OutWidth <= {MaxOutWidth} && SmallPlaneScratchLength(layout) <= {ChannelLanes.MaxCopyScratch})"))
        {
            w.Line("SmallPlanes(input, weights, bias, output, layout);");
            w.Line("return;");
        }

        w.Line();
    }

    public static void WriteMethods(SourceWriter w, KernelPlan plan)
    {
        string t = plan.T, type = $"{Vector}<{t}>";
        w.Line("/// <summary>The padded copy of one input plane (with a vector's slack after it) and the flattened outputs of one channel.</summary>");
        using (w.Block("private static (int PaddedWidth, int Flat, int PlaneLength) SmallPlaneSizes(in KernelLayout layout)"))
        {
            w.Line("int paddedWidth = layout.OutWidth + (KernelWidth - 1) * Dilation, paddedHeight = layout.OutHeight + (KernelHeight - 1) * Dilation;");
            w.Line($"int flat = (layout.OutHeight * paddedWidth + {type}.Count - 1) / {type}.Count * {type}.Count; // whole vectors");
            w.Line("return (paddedWidth, flat, Math.Max(paddedHeight * paddedWidth, flat + (KernelHeight - 1) * Dilation * paddedWidth + (KernelWidth - 1) * Dilation));");
        }

        w.Line();
        using (w.Block("private static long SmallPlaneScratchLength(in KernelLayout layout)"))
        {
            w.Line("(_, int flat, int planeLength) = SmallPlaneSizes(layout);");
            w.Line("return (long)planeLength + flat;");
        }

        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Each output channel over the flattened padded copy of its input plane: output (y, x) at y·paddedWidth + x, tap (i, j)");
        w.Line("/// at a constant offset from it; the columns past each row's end are dropped when the rows are copied out.");
        w.Line("/// </summary>");
        using (w.Block($"private static void SmallPlanes(ReadOnlySpan<{t}> input, ReadOnlySpan<{t}> weights, ReadOnlySpan<{t}> bias, Span<{t}> output, in KernelLayout layout)"))
        {
            w.Line("(int paddedWidth, int flat, int planeLength) = SmallPlaneSizes(layout);");
            w.Line($"Span<{t}> scratch = KernelScratch.Get<{t}>(planeLength + flat); // this thread's scratch (not the stack)");
            w.Line($"Span<{t}> plane = scratch[..planeLength], sums = scratch.Slice(planeLength, flat);");
            w.Line($"ref {t} planeRef = ref MemoryMarshal.GetReference(plane);");
            w.Line($"ref {t} sumsRef = ref MemoryMarshal.GetReference(sums);");
            w.Line($"ref {t} weightsRef = ref MemoryMarshal.GetReference(weights);");
            w.Line("nint rowStep = (nint)Dilation * paddedWidth; // from one kernel row to the next in the copy");
            w.Line("nint outPlane = (nint)layout.OutHeight * layout.OutWidth;");
            using (w.Block("for (int o = 0; o < Groups * OutputsPerGroup; o++)"))
            {
                using (w.Block("if (o % OutputsPerGroup == 0)"))
                {
                    w.Line("// The next input plane, its padding zeros.");
                    w.Line("plane.Clear();");
                    w.Line("int c = o / OutputsPerGroup;");
                    using (w.Block("for (int r = 0; r < layout.Height; r++)"))
                    {
                        w.Line("input.Slice((c * layout.Height + r) * layout.Width, layout.Width).CopyTo(plane[((r + layout.PadTop) * paddedWidth + layout.PadLeft)..]);");
                    }
                }

                w.Line();
                w.Line("ref " + t + " channelWeights = ref Unsafe.Add(ref weightsRef, o * TapsPerChannel);");
                for (int i = 0; i < plan.Spec.KernelHeight; i++)
                {
                    for (int j = 0; j < plan.Spec.KernelWidth; j++)
                    {
                        int k = plan.WeightRow(i) * plan.Spec.KernelWidth + plan.WeightColumn(j);
                        w.Line($"{type} w{i}_{j} = {Vector}.Create(Unsafe.Add(ref channelWeights, {k}));");
                    }
                }

                if (plan.Spec.HasBias)
                {
                    w.Line($"{type} biasLanes = {Vector}.Create(bias[o]);");
                }

                using (w.Block($"for (int q = 0; q < flat; q += {type}.Count)"))
                {
                    w.Line($"{type} acc = {type}.Zero;");
                    for (int i = 0; i < plan.Spec.KernelHeight; i++)
                    {
                        for (int j = 0; j < plan.Spec.KernelWidth; j++)
                        {
                            string offset = (i, j) switch
                            {
                                (0, 0) => "q",
                                (0, _) => $"q + {j} * Dilation",
                                (_, 0) => $"q + {i} * rowStep",
                                _ => $"q + {i} * rowStep + {j} * Dilation",
                            };
                            w.Line($"acc = {Vector}.MultiplyAddEstimate({Vector}.LoadUnsafe(ref planeRef, (nuint)({offset})), w{i}_{j}, acc);");
                        }
                    }

                    if (plan.Spec.HasBias)
                    {
                        w.Line("acc += biasLanes;");
                    }

                    if (plan.Spec.Relu)
                    {
                        w.Line($"acc = {Vector}.Max(acc, {type}.Zero);");
                    }

                    w.Line("acc.StoreUnsafe(ref sumsRef, (nuint)q);");
                }

                w.Line();
                using (w.Block("for (int y = 0; y < layout.OutHeight; y++)"))
                {
                    w.Line("sums.Slice(y * paddedWidth, layout.OutWidth).CopyTo(output.Slice((int)(o * outPlane) + y * layout.OutWidth, layout.OutWidth));");
                }
            }
        }
    }
}
