using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes the innermost loop of a kernel: one output row, columns <c>[xFrom, xTo)</c>, of a block of output
/// channels, at one <see cref="SimdWidth"/>. Each loaded input vector feeds every accumulator of the block. An
/// interior row reads every kernel row unchecked; a border row skips the kernel rows that fall in the padding.
/// </summary>
internal static class RowEmitter
{
    public static string Name(SimdWidth width, bool guarded, int block)
        => $"Row{width.Suffix}_{(guarded ? "Border" : "Interior")}_Block{block}";

    /// <summary>
    /// Only the vector interior rows, where nearly all the time goes, are unrolled over the whole window. Border rows
    /// and the scalar path loop over kernel rows (each row unrolled): they run rarely, and unrolling them too
    /// would multiply the size of the generated code for nothing.
    /// </summary>
    public static TapLayout LayoutOf(KernelPlan plan, SimdWidth width, bool guarded)
        => plan.Layout == TapLayout.Unrolled && (guarded || width.IsScalar) ? TapLayout.RowsLooped : plan.Layout;

    public static void Emit(SourceWriter w, KernelPlan plan, SimdWidth width, bool guarded, int block)
    {
        TapLayout layout = LayoutOf(plan, width, guarded);
        string type = width.Type(plan);
        int lanes = width.Lanes(plan);
        string what = guarded ? "skipping kernel rows in the padding" : "every kernel row inside the input";
        string how = width.IsScalar ? "one column at a time" : $"{lanes} columns at a time";
        w.Line($"/// <summary>Output row <paramref name=\"y\"/>, columns [xFrom, xTo), of {Channels(block)} from <paramref name=\"o\"/>, {how}; {what}.</summary>");
        w.Open($"private static int {Name(width, guarded, block)}({KernelClassEmitter.SpanParameters(plan)}, in KernelLayout layout, int o, int c0, int y, int xFrom, int xTo)");
        w.Line($"ref {plan.T} inputRef = ref MemoryMarshal.GetReference(input);");
        bool literalWeights = plan.UsesLiteralWeights && layout == TapLayout.Unrolled;
        if (plan.IsConvolution && !literalWeights)
        {
            w.Line($"ref {plan.T} weightRef = ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), o * WeightsPerOutput);");
        }

        w.Line($"ref {plan.T} outputRef = ref MemoryMarshal.GetReference(output);");
        w.Line("int width = layout.Width;");
        w.Line("nint plane = (nint)layout.Height * width;");
        w.Line("nint outPlane = (nint)layout.OutHeight * layout.OutWidth;");
        w.Line("int top = y * StrideHeight - layout.PadTop; // input row of the first kernel row, possibly in the padding");
        w.Line("nint rowStart = c0 * plane + (nint)top * width - layout.PadLeft; // an offset only: never turned into a ref outside the input");
        w.Line("nint outStart = o * outPlane + (nint)y * layout.OutWidth;");
        if (layout == TapLayout.Unrolled)
        {
            for (int i = 1; i < plan.Spec.KernelHeight; i++)
            {
                int rows = i * plan.Spec.Dilation;
                w.Line(rows == 1 ? $"nint rowOffset{i} = width;" : $"nint rowOffset{i} = (nint){rows} * width;");
            }

        }

        foreach (string line in WindowOperation.RowSetup(plan, width, block, guarded))
        {
            w.Line(line);
        }

        w.Line();
        if (width.IsScalar)
        {
            w.Open("for (int x = xFrom; x < xTo; x++)");
        }
        else
        {
            w.Open($"for (int x = xFrom; ; x += {lanes})");
            w.Open($"if (x > xTo - {lanes})");
            w.Line("if (x >= xTo)");
            w.Line("{");
            w.Line("    break;");
            w.Line("}");
            w.Line();
            w.Line($"x = xTo - {lanes}; // the last vector overlaps the one before rather than reading past the row");
            w.Close();
            w.Line();
        }

        w.Line("nint at = rowStart + (nint)x * StrideWidth;");
        for (int k = 0; k < block; k++)
        {
            w.Line($"{type} acc{k} = {WindowOperation.Initial(plan, width)};");
        }

        bool channelLoop = plan.ChannelsPerGroup > 1;
        if (channelLoop)
        {
            w.Open("for (int c = 0; c < ChannelsPerGroup; c++, at += plane)");
        }

        if (plan.IsConvolution && !literalWeights)
        {
            w.Line(channelLoop
                ? $"ref {plan.T} channelWeights = ref Unsafe.Add(ref weightRef, c * TapsPerChannel);"
                : $"ref {plan.T} channelWeights = ref weightRef;");
        }

        if (!literalWeights || plan.UniformWindow!.Any(weight => weight != 0))
        {
            w.Line($"{type} v;");
        }

        WriteTaps(w, plan, width, layout, guarded, block);
        if (channelLoop)
        {
            w.Close();
        }

        w.Line();
        for (int k = 0; k < block; k++)
        {
            foreach (string line in WindowOperation.Finish(plan, width, $"acc{k}", k))
            {
                w.Line(line);
            }
        }

        for (int k = 0; k < block; k++)
        {
            string offset = k == 0 ? "outStart + x" : k == 1 ? "outStart + outPlane + x" : $"outStart + {k} * outPlane + x";
            w.Line(width.Store($"acc{k}", "outputRef", offset));
        }

        w.Close();
        w.Line();
        w.Line("return xTo;");
        w.Close();
    }

    private static void WriteTaps(SourceWriter w, KernelPlan plan, SimdWidth width, TapLayout layout, bool guarded, int block)
    {
        if (layout == TapLayout.Unrolled)
        {
            foreach (IGrouping<int, Tap> row in plan.Taps.GroupBy(t => t.Row))
            {
                string rowOffset = row.Key == 0 ? "" : $" + rowOffset{row.Key}";
                w.Line($"// kernel row {row.Key}");
                foreach (Tap tap in row)
                {
                    double? literal = plan.UsesLiteralWeights ? plan.UniformWindow![tap.WeightIndex] : null;
                    if (literal == 0)
                    {
                        continue; // a zero tap costs nothing: no load, no multiply
                    }

                    string column = tap.ColumnOffset == 0 ? "" : $" + {tap.ColumnOffset}";
                    w.Line($"v = {width.Load(plan, "inputRef", $"at{rowOffset}{column}")};");
                    for (int k = 0; k < block && literal is { } weight; k++)
                    {
                        w.Line(WindowOperation.AccumulateConstant(plan, width, $"acc{k}", "v", weight));
                    }

                    if (literal is null)
                    {
                        WriteAccumulates(w, plan, width, block, "channelWeights", tap.WeightIndex.ToString());
                    }
                }
            }

            return;
        }

        // Kernel rows looped, each row unrolled unless it is too wide too.
        w.Open("for (int i = 0; i < KernelHeight; i++)");
        if (guarded)
        {
            w.Line("if ((uint)(top + i * Dilation) >= (uint)layout.Height)");
            w.Line("{");
            w.Line("    continue; // this kernel row is in the padding");
            w.Line("}");
            w.Line();
        }

        w.Line("nint row = at + (nint)(i * Dilation) * width;");
        if (plan.IsConvolution)
        {
            string weightRow = plan.Spec.Flip ? "(KernelHeight - 1 - i)" : "i";
            w.Line($"ref {plan.T} rowWeights = ref Unsafe.Add(ref channelWeights, {weightRow} * KernelWidth);");
        }

        if (layout == TapLayout.RowsLooped)
        {
            for (int j = 0; j < plan.Spec.KernelWidth; j++)
            {
                int offset = j * plan.Spec.Dilation;
                w.Line($"v = {width.Load(plan, "inputRef", offset == 0 ? "row" : $"row + {offset}")};");
                WriteAccumulates(w, plan, width, block, "rowWeights", plan.WeightColumn(j).ToString());
            }
        }
        else
        {
            w.Open("for (int j = 0; j < KernelWidth; j++)");
            w.Line($"v = {width.Load(plan, "inputRef", "row + j * Dilation")};");
            WriteAccumulates(w, plan, width, block, "rowWeights", plan.Spec.Flip ? "(KernelWidth - 1 - j)" : "j");
            w.Close();
        }

        w.Close();
    }

    private static void WriteAccumulates(SourceWriter w, KernelPlan plan, SimdWidth width, int block, string weights, string index)
    {
        for (int k = 0; k < block; k++)
        {
            string weight = plan.IsConvolution
                ? $"Unsafe.Add(ref {weights}, {(k == 0 ? index : $"{k} * WeightsPerOutput + {index}")})"
                : null!;
            w.Line(WindowOperation.Accumulate(plan, width, $"acc{k}", "v", plan.IsConvolution ? weight : null));
        }
    }

    private static string Channels(int block) => block == 1 ? "one output channel" : $"{block} output channels";
}
