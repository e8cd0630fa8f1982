using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes a constant rank-1 window as two 1D passes, so that each output costs the column taps plus the row taps
/// instead of their product. The strip strategy runs the column filter down the input into intermediate rows in the
/// thread's scratch buffer (<c>KernelScratch</c>; zeros where the window lies in the padding), then the row filter along each of them into the output; the
/// register strategy (<see cref="SeparableRegisterEmitter"/>) filters the input rows in registers instead, and uses
/// strips only for border rows and for the border columns of rows too narrow for its end vectors. Interior rows go
/// <see cref="KernelPlan.SeparableRowBlock"/> at a time, so that each loaded input row serves every output row it
/// touches; border rows go one at a time, skipping kernel rows in the padding.
/// </summary>
internal static class SeparableEmitter
{
    /// <summary>The part of <c>Run</c> after the argument checks: the intermediate rows in this thread's scratch buffer, every channel through them.</summary>
    public static void WriteRunLoops(SourceWriter w, KernelPlan plan)
    {
        w.Line($"Span<{plan.T}> strips = KernelScratch.Get<{plan.T}>(StripRows * StripStride); // this thread's scratch (not the stack)");
        using (w.Block("for (int group = 0; group < Groups; group++)"))
        {
            using (w.Block("for (int o = group * OutputsPerGroup; o < (group + 1) * OutputsPerGroup; o++)"))
            {
                w.Line("SeparableRows(input, bias, output, layout, o, c0: group, strips);");
            }
        }
    }

    public static void WriteMethods(SourceWriter w, KernelPlan plan)
    {
        (double[] column, double[] row) = plan.Separable!.Value;
        bool registers = plan.SeparableStrategy == SeparableStrategy.Registers;
        w.Line(registers
            ? $"/// <summary>Every output row of channel o: interior blocks with row filter [{Join(plan, row)}] in registers, then column filter [{Join(plan, column)}]; border rows (and the border columns of narrow rows) strip by strip, column filter first.</summary>"
            : $"/// <summary>Every output row of channel o, strip by strip: column filter [{Join(plan, column)}] into the intermediate rows, then row filter [{Join(plan, row)}] out of them.</summary>");
        using (w.Block($"private static void SeparableRows(ReadOnlySpan<{plan.T}> input, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output, in KernelLayout layout, int o, int c0, Span<{plan.T}> strips)"))
        {
            using (w.Block("for (int y = 0; y < layout.OutHeight;)"))
            {
                w.Line("int rows = y >= layout.RowStart && y + StripRows <= layout.RowEnd ? StripRows : 1; // border rows one at a time");
                if (registers)
                {
                    using (w.Block("if (rows == StripRows)"))
                    {
                        if (plan.HasVectorEdgesAtSomeWidth)
                        {
                            w.Line("int ends = RegisterEnds(input, bias, output, layout, o, c0, y); // the vector at each end of the rows, or 0");
                            using (w.Block("if (ends > 0)"))
                            {
                                w.Line("RegisterRows(input, bias, output, layout, o, c0, y, ends, layout.OutWidth - ends);");
                                w.Line("y += rows;");
                                w.Line("continue;");
                            }

                            w.Line();
                        }

                        w.Line("int from = layout.ColumnStart, to = Math.Max(from, layout.ColumnEnd); // the columns whose window lies inside the input");
                        w.Line("StripColumns(input, bias, output, layout, o, c0, strips, y, rows, 0, from);");
                        w.Line("RegisterRows(input, bias, output, layout, o, c0, y, from, to);");
                        w.Line("StripColumns(input, bias, output, layout, o, c0, strips, y, rows, to, layout.OutWidth);");
                    }

                    using (w.Block("else"))
                    {
                        w.Line("StripColumns(input, bias, output, layout, o, c0, strips, y, rows, 0, layout.OutWidth);");
                    }
                }
                else
                {
                    w.Line("StripColumns(input, bias, output, layout, o, c0, strips, y, rows, 0, layout.OutWidth);");
                }

                w.Line();
                w.Line("y += rows;");
            }
        }

        w.Line();
        w.Line("/// <summary>Output rows [y, y + rows), columns [xFrom, xTo), a strip at a time: the column pass into the intermediate rows, then the row pass out of them.</summary>");
        using (w.Block($"private static void StripColumns(ReadOnlySpan<{plan.T}> input, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output, in KernelLayout layout, int o, int c0, Span<{plan.T}> strips, int y, int rows, int xFrom, int xTo)"))
        {
            w.Line("bool interiorRow = y >= layout.RowStart && y < layout.RowEnd;");
            using (w.Block("for (int x0 = xFrom; x0 < xTo; x0 += Strip)"))
            {
                w.Line("int count = Math.Min(Strip, xTo - x0);");
                w.Line($"int length = count + {plan.ColumnReach}; // input columns x0 − PadLeft onwards");
                using (w.Block("if (rows == StripRows)"))
                {
                    w.Line("ColumnPassBlock(input, layout, c0, y, x0 - layout.PadLeft, strips, length);");
                }

                using (w.Block("else"))
                {
                    w.Line("ColumnPass(input, layout, c0, y, x0 - layout.PadLeft, strips[..length], interiorRow);");
                }

                w.Line();
                w.Line("RowPass(strips, bias, output, layout, o, y, rows, x0, count);");
            }
        }

        w.Line();
        WriteColumnPass(w, plan, column, blocked: false);
        w.Line();
        WriteColumnPass(w, plan, column, blocked: true);
        w.Line();
        WriteRowPass(w, plan, row);
        if (registers)
        {
            SeparableRegisterEmitter.WriteMethods(w, plan, column, row);
        }
    }

    /// <summary>
    /// The column pass of one output row (guarded when some kernel rows lie in the padding) or, blocked, of
    /// <c>StripRows</c> interior output rows into consecutive intermediate rows.
    /// </summary>
    private static void WriteColumnPass(SourceWriter w, KernelPlan plan, double[] column, bool blocked)
    {
        int rows = blocked ? KernelPlan.SeparableRowBlock : 1;
        w.Line(blocked
            ? "/// <summary>strips[k·StripStride + t] = Σ_i column[i] · input[c0, y + k − PadTop + i·Dilation, first + t] for k &lt; StripRows and t &lt; length; every kernel row inside the input, zero outside its columns.</summary>"
            : "/// <summary>columns[t] = Σ_i column[i] · input[c0, y − PadTop + i·Dilation, first + t], zero outside the input.</summary>");
        string header = blocked
            ? $"private static void ColumnPassBlock(ReadOnlySpan<{plan.T}> input, in KernelLayout layout, int c0, int y, int first, Span<{plan.T}> strips, int length)"
            : $"private static void ColumnPass(ReadOnlySpan<{plan.T}> input, in KernelLayout layout, int c0, int y, int first, Span<{plan.T}> columns, bool interiorRow)";
        using (w.Block(header))
        {
            if (!blocked)
            {
                w.Line("int length = columns.Length;");
            }

            w.Line("int inside = Math.Max(0, -first), end = Math.Min(length, layout.Width - first);");
            using (w.Block($"for (int k = 0; k < {rows}; k++)"))
            {
                w.Line($"Span<{plan.T}> intermediate = {(blocked ? "strips.Slice(k * StripStride, length)" : "columns")};");
                using (w.Block("if (end <= inside)"))
                {
                    w.Line("intermediate.Clear(); // the whole strip lies in the left or right padding");
                }

                using (w.Block("else"))
                {
                    w.Line("intermediate[..inside].Clear();");
                    w.Line("intermediate[end..].Clear();");
                }
            }

            w.Line();
            using (w.Block("if (end <= inside)"))
            {
                w.Line("return;");
            }

            w.Line();
            w.Line($"ref {plan.T} inputRef = ref MemoryMarshal.GetReference(input);");
            w.Line($"ref {plan.T} intermediateRef = ref MemoryMarshal.GetReference({(blocked ? "strips" : "columns")});");
            w.Line("int width = layout.Width;");
            w.Line("int top = y - layout.PadTop;");
            w.Line("nint rowStart = (nint)c0 * layout.Height * width + (nint)top * width + first; // an offset only");
            if (!blocked)
            {
                for (int i = 0; i < column.Length; i++)
                {
                    if (column[i] != 0)
                    {
                        w.Line($"bool inside{i} = (uint)(top + {i * plan.Spec.Dilation}) < (uint)layout.Height;");
                    }
                }
            }

            w.Line("int t = inside;");
            VectorLoop.DispatchWidths(w, plan, "t", "end", width =>
            {
                if (blocked)
                {
                    WriteBlockLoop(w, plan, width, column);
                    return;
                }

                // Interior rows read every kernel row unchecked; border rows skip those in the padding.
                using (w.Block("if (interiorRow)"))
                {
                    WriteColumnLoop(w, plan, width, column, guarded: false);
                }

                using (w.Block("else"))
                {
                    WriteColumnLoop(w, plan, width, column, guarded: true);
                }
            });
        }
    }

    private static void WriteColumnLoop(SourceWriter w, KernelPlan plan, SimdWidth width, double[] column, bool guarded)
    {
        int lanes = width.Lanes(plan);
        using (VectorLoop.Open(w, width, lanes, "t", null, "end"))
        {
            if (guarded)
            {
                // Border rows: each kernel row in the padding is skipped, so the taps are folded in one by one.
                w.Line($"{width.Type(plan)} acc = {width.Zero(plan)};");
                for (int i = 0; i < column.Length; i++)
                {
                    if (column[i] != 0)
                    {
                        string load = width.Load(plan, "inputRef", InputOffset(i * plan.Spec.Dilation));
                        w.Line($"if (inside{i}) {{ {WindowOperation.AccumulateConstant(plan, width, "acc", load, column[i])} }}");
                    }
                }
            }
            else
            {
                var terms = column.Select((weight, i) => (weight, width.Load(plan, "inputRef", InputOffset(i * plan.Spec.Dilation))));
                w.Lines(WindowOperation.ConstantSum(plan, width, width.Type(plan), "acc", terms));
            }

            w.Line(width.Store("acc", "intermediateRef", "t"));
        }
    }

    /// <summary>
    /// The blocked column loop: every input row the block touches is loaded once, then each output row of the block
    /// sums the ones its window covers.
    /// </summary>
    private static void WriteBlockLoop(SourceWriter w, KernelPlan plan, SimdWidth width, double[] column)
    {
        int rows = KernelPlan.SeparableRowBlock, dilation = plan.Spec.Dilation;
        using (VectorLoop.Open(w, width, width.Lanes(plan), "t", null, "end"))
        {
            var used = new SortedSet<int>();
            for (int k = 0; k < rows; k++)
            {
                for (int i = 0; i < column.Length; i++)
                {
                    if (column[i] != 0)
                    {
                        used.Add(k + i * dilation);
                    }
                }
            }

            foreach (int r in used)
            {
                w.Line($"{width.Type(plan)} row{r} = {width.Load(plan, "inputRef", InputOffset(r))};");
            }

            if (!width.IsScalar)
            {
                // The rows no block above has read, a strip ahead: a large image streams from memory while this one computes.
                foreach (int r in used.Where(r => r >= plan.RowReach))
                {
                    w.Line($"KernelPrefetch.Line(input, {InputOffset(r)} + Strip);");
                }
            }

            for (int k = 0; k < rows; k++)
            {
                var terms = column.Select((weight, i) => (weight, $"row{k + i * dilation}"));
                w.Lines(WindowOperation.ConstantSum(plan, width, width.Type(plan), $"acc{k}", terms));

                w.Line(width.Store($"acc{k}", "intermediateRef", k == 0 ? "t" : $"{k} * StripStride + t"));
            }
        }
    }

    /// <summary>The offset of input row <paramref name="row"/> (from the first kernel row of the first output row), column t.</summary>
    private static string InputOffset(int row) => row == 0 ? "rowStart + t" : $"rowStart + {row} * (nint)width + t";

    private static void WriteRowPass(SourceWriter w, KernelPlan plan, double[] row)
    {
        w.Line("/// <summary>output[o, y + k, x0 + u] = act(bias + Σ_j row[j] · strips[k·StripStride + u + j·Dilation]) for k &lt; rows and u &lt; count.</summary>");
        using (w.Block($"private static void RowPass(ReadOnlySpan<{plan.T}> strips, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output, in KernelLayout layout, int o, int y, int rows, int x0, int count)"))
        {
            w.Line($"ref {plan.T} outputRef = ref MemoryMarshal.GetReference(output);");
            foreach (SimdWidth width in SimdWidth.Vectors.Append(SimdWidth.Scalar))
            {
                int lanes = width.Lanes(plan);
                bool aligned = width == SimdWidth.V512 && plan.AlignsRowTaps;
                string condition = width.IsScalar ? "" : $"{width.IsAccelerated}{(aligned ? " && Avx512F.IsSupported" : "")} && count >= {lanes}";
                using (w.Block(width == SimdWidth.V512 ? $"if ({condition})" : width.IsScalar ? "else" : $"else if ({condition})"))
                {
                    w.Lines(WindowOperation.RowSetup(plan, width, block: 1, guarded: false));

                    using (w.Block("for (int k = 0; k < rows; k++)"))
                    {
                        w.Line($"ref {plan.T} columnsRef = ref MemoryMarshal.GetReference(strips.Slice(k * StripStride));");
                        w.Line("nint outStart = ((nint)o * layout.OutHeight + y + k) * layout.OutWidth + x0;");
                        IEnumerable<(double, string)> terms = aligned
                            ? row.Select((weight, j) => (weight, AlignedTaps.Tap(plan, "low", "high", j * plan.Spec.Dilation)))
                            : row.Select((weight, j) => (weight, width.Load(plan, "columnsRef", j == 0 ? "u" : $"u + {j * plan.Spec.Dilation}")));
                        using (aligned ? OpenAlignedLoop(w, plan, lanes) : VectorLoop.Open(w, width, lanes, "u", "0", "count"))
                        {
                            w.Lines(WindowOperation.ConstantSum(plan, width, width.Type(plan), "acc0", terms));

                            w.Lines(WindowOperation.Finish(plan, width, "acc0", 0));

                            w.Line(width.Store("acc0", "outputRef", "outStart + u"));
                            if (!width.IsScalar)
                            {
                                w.Line("KernelPrefetch.Line(output, outStart + u + Strip); // the next strip's outputs");
                            }

                            if (aligned)
                            {
                                w.Line("low = high;");
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Opens the 512-bit loop of a row pass whose taps are cut out of two aligned loads: <c>low</c> (strip columns
    /// u‥u + lanes − 1, carried over from the step before) and <c>high</c> (the next vector), each tap's vector shifted
    /// out of the pair by valignd. The strip rows hold a vector's worth past the strip, so <c>high</c> stays inside them.
    /// </summary>
    private static SourceWriter.Scope OpenAlignedLoop(SourceWriter w, KernelPlan plan, int lanes)
    {
        w.Line($"{AlignedTaps.Type(plan)} low = {AlignedTaps.Load(plan, "columnsRef", null)};");
        SourceWriter.Scope loop = VectorLoop.OpenOverlapping(w, "u", "0", "count", lanes.ToString(), reset: () => w.Line($"low = {AlignedTaps.Load(plan, "columnsRef", "u")};"));
        w.Line($"{AlignedTaps.Type(plan)} high = {AlignedTaps.Load(plan, "columnsRef", $"u + {lanes}")};");
        return loop;
    }

    public static string Join(KernelPlan plan, double[] taps) => string.Join(", ", taps.Select(t => ConstantKernel.Literal(t, plan.Spec.Element)));
}
