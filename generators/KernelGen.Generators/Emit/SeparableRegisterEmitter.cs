using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// The register strategy of a separable constant window (<see cref="SeparableStrategy.Registers"/>): for a block of
/// <see cref="KernelPlan.SeparableRowBlock"/> interior output rows, each input row they read is filtered along the row
/// once into a register, and the column filter sums those; no intermediate memory. Where the rows are wide enough,
/// the vector at each end of them is computed the same way with the taps that reach into the padding shifted in from
/// zeros (<see cref="RowEmitter.EdgeLoad"/>); the rest goes through <see cref="SeparableEmitter"/>'s strips.
/// </summary>
internal static class SeparableRegisterEmitter
{
    public static void WriteMethods(SourceWriter w, KernelPlan plan, double[] column, double[] row)
    {
        w.Line();
        WriteRegisterRows(w, plan, column, row);
        if (plan.HasVectorEdgesAtSomeWidth)
        {
            w.Line();
            WriteRegisterEnds(w, plan, column, row);
        }
    }

    /// <summary>
    /// The register strategy's interior: <c>StripRows</c> output rows of interior columns, each input row they read
    /// filtered along the row once into a register, the column filter then summing those.
    /// </summary>
    private static void WriteRegisterRows(SourceWriter w, KernelPlan plan, double[] column, double[] row)
    {
        w.Line($"/// <summary>Output rows [y, y + StripRows), columns [xFrom, xTo) of channel o; every window inside the input.</summary>");
        using (w.Block($"private static void RegisterRows(ReadOnlySpan<{plan.T}> input, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output, in KernelLayout layout, int o, int c0, int y, int xFrom, int xTo)"))
        {
            WriteRegisterSetup(w, plan, column);
            w.Line("int x = xFrom;");
            VectorLoop.DispatchWidths(w, plan, "x", "xTo", width =>
            {
                w.Lines(WindowOperation.RowSetup(plan, width, block: 1, guarded: false));

                if (width == SimdWidth.V512 && plan.AlignsRowTaps)
                {
                    // Each input row's taps cut out of two loads (valignd) rather than loaded across cache lines, where the
                    // second load of the last vector stays inside the row.
                    using (w.Block($"if (Avx512F.IsSupported && xTo + {width.Lanes(plan)} - layout.PadLeft <= layout.Width)"))
                    {
                        WriteAlignedLoop(w, plan, width, column, row);
                    }

                    using (w.Block("else"))
                    {
                        WritePlainLoop(w, plan, width, column, row);
                    }
                }
                else
                {
                    WritePlainLoop(w, plan, width, column, row);
                }
            });
        }
    }

    private static void WritePlainLoop(SourceWriter w, KernelPlan plan, SimdWidth width, double[] column, double[] row)
    {
        using (VectorLoop.Open(w, width, width.Lanes(plan), "x", null, "xTo"))
        {
            WriteRegisterBody(w, plan, width, column, row, (r, at, offset) => width.Load(plan, "inputRef", offset == 0 ? at : $"{at} + {offset}"));
            WritePrefetches(w, plan, width, column);
        }
    }

    /// <summary>
    /// The 512-bit interior loop whose row taps come from two loads per input row: <c>low{r}</c> (input columns at‥at + 15,
    /// carried over from the step before) and <c>high{r}</c> (the next vector), each tap shifted out of the pair by valignd.
    /// </summary>
    private static void WriteAlignedLoop(SourceWriter w, KernelPlan plan, SimdWidth width, double[] column, double[] row)
    {
        int lanes = width.Lanes(plan);
        var rows = RegisterInputRows(plan, column).ToList();
        string RowAt(string at, int r) => r == 0 ? at : $"{at} + row{r}";
        foreach (int r in rows)
        {
            w.Line($"{AlignedTaps.Type(plan)} low{r} = {AlignedTaps.Load(plan, "inputRef", RowAt("rowStart + x", r))};");
        }

        void Reload()
        {
            foreach (int r in rows)
            {
                w.Line($"low{r} = {AlignedTaps.Load(plan, "inputRef", RowAt("rowStart + x", r))};");
            }
        }

        using (VectorLoop.OpenOverlapping(w, "x", null, "xTo", lanes.ToString(), reset: Reload))
        {
            WriteRegisterBody(w, plan, width, column, row, (r, at, offset) => AlignedTaps.Tap(plan, $"low{r}", $"high{r}", offset),
                afterAt: () =>
                {
                    foreach (int r in rows)
                    {
                        w.Line($"{AlignedTaps.Type(plan)} high{r} = {AlignedTaps.Load(plan, "inputRef", $"{RowAt("at", r)} + {lanes}")};");
                    }
                });
            WritePrefetches(w, plan, width, column);
            foreach (int r in rows)
            {
                w.Line($"low{r} = high{r};");
            }
        }
    }

    // The rows no block above has read, and the outputs, a strip ahead: a large image streams from memory while this
    // one computes.
    private static void WritePrefetches(SourceWriter w, KernelPlan plan, SimdWidth width, double[] column)
    {
        if (width.IsScalar)
        {
            return;
        }

        foreach (int r in RegisterInputRows(plan, column).Where(r => r >= plan.RowReach))
        {
            w.Line($"KernelPrefetch.Line(input, at + row{r} + Strip);");
        }

        for (int k = 0; k < KernelPlan.SeparableRowBlock; k++)
        {
            w.Line($"KernelPrefetch.Line(output, {(k == 0 ? "outStart" : $"outStart + {k} * (nint)outWidth")} + x + Strip);");
        }
    }

    /// <summary>
    /// The vector at each end of <c>StripRows</c> interior rows, where the row is wide enough: the row filter's taps
    /// that reach into the left or right padding take the row's end vector with its lanes shifted in from zeros.
    /// </summary>
    private static void WriteRegisterEnds(SourceWriter w, KernelPlan plan, double[] column, double[] row)
    {
        w.Line("/// <summary>Output rows [y, y + StripRows) of channel o, the vector at each end of the rows; returns its lanes, or 0 when the rows are too narrow.</summary>");
        using (w.Block($"private static int RegisterEnds(ReadOnlySpan<{plan.T}> input, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output, in KernelLayout layout, int o, int c0, int y)"))
        {
            WriteRegisterSetup(w, plan, column);
            foreach (SimdWidth width in SimdWidth.Vectors.Where(v => plan.HasVectorEdges(v.Lanes(plan))))
            {
                int lanes = width.Lanes(plan);
                using (w.Block($"if ({width.IsAccelerated} && layout.Width >= {2 * lanes + plan.ColumnReach})"))
                {
                    w.Lines(WindowOperation.RowSetup(plan, width, block: 1, guarded: false));

                    foreach (bool left in new[] { true, false })
                    {
                        w.Line(left ? "// the left end: outputs [0, lanes)" : "// the right end: the last lanes outputs");
                        using (w.Block())
                        {
                            w.Line(left ? "int x = 0;" : $"int x = layout.OutWidth - {lanes};");
                            WriteRegisterBody(w, plan, width, column, row, (r, at, offset) => RowEmitter.EdgeLoad(plan, width, left, offset, at));
                        }

                        w.Line();
                    }

                    w.Line($"return {lanes};");
                }

                w.Line();
            }

            w.Line("return 0;");
        }
    }

    // The offsets both register methods start from: the block's first input row, output row, and each input row's distance.
    private static void WriteRegisterSetup(SourceWriter w, KernelPlan plan, double[] column)
    {
        w.Line($"ref {plan.T} inputRef = ref MemoryMarshal.GetReference(input);");
        w.Line($"ref {plan.T} outputRef = ref MemoryMarshal.GetReference(output);");
        w.Line("int width = layout.Width, outWidth = layout.OutWidth;");
        w.Line("nint rowStart = (nint)c0 * layout.Height * width + (nint)(y - layout.PadTop) * width - layout.PadLeft; // an offset only");
        w.Line("nint outStart = ((nint)o * layout.OutHeight + y) * outWidth;");
        foreach (int r in RegisterInputRows(plan, column).Where(r => r > 0))
        {
            w.Line($"nint row{r} = {r} * (nint)width;");
        }
    }

    // The input rows (distances from the block's first) the column filter's nonzero taps read.
    private static SortedSet<int> RegisterInputRows(KernelPlan plan, double[] column)
        => new(Enumerable.Range(0, KernelPlan.SeparableRowBlock)
            .SelectMany(k => Enumerable.Range(0, column.Length).Where(i => column[i] != 0).Select(i => k + i * plan.Spec.Dilation)));

    /// <summary>
    /// One vector of every output row of the block at column x: each input row filtered along the row (its taps
    /// loaded by <paramref name="load"/>, from the row's offset and the tap's column offset; a null load is padding),
    /// then the column filter across the filtered rows, finished and stored.
    /// </summary>
    private static void WriteRegisterBody(
        SourceWriter w, KernelPlan plan, SimdWidth width, double[] column, double[] row, Func<int, string, int, string?> load, Action? afterAt = null)
    {
        int dilation = plan.Spec.Dilation;
        w.Line("nint at = rowStart + x;");
        afterAt?.Invoke();
        foreach (int r in RegisterInputRows(plan, column))
        {
            string rowAt = r == 0 ? "at" : $"at + row{r}";
            var terms = row.Select((weight, j) => (Weight: weight, Value: weight == 0 ? null : load(r, rowAt, j * dilation)))
                .Where(t => t.Value is not null)
                .Select(t => (t.Weight, t.Value!));
            w.Lines(WindowOperation.ConstantSum(plan, width, width.Type(plan), $"filtered{r}", terms));
        }

        for (int k = 0; k < KernelPlan.SeparableRowBlock; k++)
        {
            var terms = column.Select((weight, i) => (weight, $"filtered{k + i * dilation}"));
            w.Lines(WindowOperation.ConstantSum(plan, width, width.Type(plan), $"acc{k}", terms).Concat(WindowOperation.Finish(plan, width, $"acc{k}", 0)));

            w.Line(width.Store($"acc{k}", "outputRef", k == 0 ? "outStart + x" : $"outStart + {k} * (nint)outWidth + x"));
        }
    }
}
