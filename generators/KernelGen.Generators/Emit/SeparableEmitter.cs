using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes a constant rank-1 window as two 1D passes per strip of output columns: the column filter down the input
/// into a stack strip (zeros where the window lies in the padding), then the row filter along the strip into the
/// output. Each output then costs the column taps plus the row taps instead of their product.
/// </summary>
internal static class SeparableEmitter
{
    /// <summary>The part of <c>Run</c> after the argument checks: one strip on the stack, every channel through it.</summary>
    public static void WriteRunLoops(SourceWriter w, KernelPlan plan)
    {
        w.Line($"Span<{plan.T}> strip = stackalloc {plan.T}[Strip + {plan.ColumnReach}];");
        w.Open("for (int group = 0; group < Groups; group++)");
        w.Open("for (int o = group * OutputsPerGroup; o < (group + 1) * OutputsPerGroup; o++)");
        w.Line("SeparableRows(input, bias, output, layout, o, c0: group, strip);");
        w.Close();
        w.Close();
    }

    public static void WriteMethods(SourceWriter w, KernelPlan plan)
    {
        (double[] column, double[] row) = plan.Separable!.Value;
        w.Line($"/// <summary>Every output row of channel o, strip by strip: column filter [{Join(plan, column)}] into the strip, then row filter [{Join(plan, row)}] out of it.</summary>");
        w.Open($"private static void SeparableRows(ReadOnlySpan<{plan.T}> input, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output, in KernelLayout layout, int o, int c0, Span<{plan.T}> strip)");
        w.Open("for (int y = 0; y < layout.OutHeight; y++)");
        w.Line("bool interiorRow = y >= layout.RowStart && y < layout.RowEnd;");
        w.Open("for (int x0 = 0; x0 < layout.OutWidth; x0 += Strip)");
        w.Line("int count = Math.Min(Strip, layout.OutWidth - x0);");
        w.Line($"Span<{plan.T}> columns = strip[..(count + {plan.ColumnReach})]; // input columns x0 − PadLeft onwards");
        w.Line("ColumnPass(input, layout, c0, y, x0 - layout.PadLeft, columns, interiorRow);");
        w.Line("RowPass(columns, bias, output, layout, o, y, x0, count);");
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        WriteColumnPass(w, plan, column);
        w.Line();
        WriteRowPass(w, plan, row);
    }

    private static void WriteColumnPass(SourceWriter w, KernelPlan plan, double[] column)
    {
        w.Line("/// <summary>columns[t] = Σ_i column[i] · input[c0, y − PadTop + i·Dilation, first + t], zero outside the input.</summary>");
        w.Open($"private static void ColumnPass(ReadOnlySpan<{plan.T}> input, in KernelLayout layout, int c0, int y, int first, Span<{plan.T}> columns, bool interiorRow)");
        w.Line("int inside = Math.Max(0, -first), end = Math.Min(columns.Length, layout.Width - first);");
        w.Open("if (end <= inside)");
        w.Line("columns.Clear(); // the whole strip lies in the left or right padding");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("columns[..inside].Clear();");
        w.Line("columns[end..].Clear();");
        w.Line($"ref {plan.T} inputRef = ref MemoryMarshal.GetReference(input);");
        w.Line($"ref {plan.T} columnsRef = ref MemoryMarshal.GetReference(columns);");
        w.Line("int width = layout.Width;");
        w.Line("int top = y - layout.PadTop;");
        w.Line("nint rowStart = (nint)c0 * layout.Height * width + (nint)top * width + first; // an offset only");
        for (int i = 0; i < column.Length; i++)
        {
            if (column[i] != 0)
            {
                w.Line($"bool inside{i} = (uint)(top + {i * plan.Spec.Dilation}) < (uint)layout.Height;");
            }
        }

        w.Line("int t = inside;");
        foreach (SimdWidth width in SimdWidth.Vectors.Append(SimdWidth.Scalar))
        {
            int lanes = width.Lanes(plan);
            string condition = width.IsScalar ? "t < end" : $"{width.IsAccelerated} && end - t >= {lanes}";
            w.Open($"{(width == SimdWidth.V512 || width.IsScalar ? "if" : "else if")} ({condition})");

            // Interior rows read every kernel row unchecked; border rows skip those in the padding.
            w.Open("if (interiorRow)");
            WriteColumnLoop(w, plan, width, column, guarded: false);
            w.Close();
            w.Open("else");
            WriteColumnLoop(w, plan, width, column, guarded: true);
            w.Close();
            if (!width.IsScalar)
            {
                w.Line();
                w.Line("t = end;");
            }

            w.Close();
        }

        w.Close();
    }

    private static void WriteColumnLoop(SourceWriter w, KernelPlan plan, SimdWidth width, double[] column, bool guarded)
    {
        int lanes = width.Lanes(plan);
        VectorLoop.Open(w, width, lanes, "t", null, "end");
        w.Line($"{width.Type(plan)} acc = {width.Zero(plan)};");
        for (int i = 0; i < column.Length; i++)
        {
            if (column[i] == 0)
            {
                continue; // a zero tap costs nothing
            }

            string offset = i == 0 ? "rowStart + t" : $"rowStart + {i * plan.Spec.Dilation} * (nint)width + t";
            string accumulate = WindowOperation.AccumulateConstant(plan, width, "acc", width.Load(plan, "inputRef", offset), column[i]);
            w.Line(guarded ? $"if (inside{i}) {{ {accumulate} }}" : accumulate);
        }

        w.Line(width.Store("acc", "columnsRef", "t"));
        w.Close();
    }

    private static void WriteRowPass(SourceWriter w, KernelPlan plan, double[] row)
    {
        w.Line("/// <summary>output[o, y, x0 + u] = act(bias + Σ_j row[j] · columns[u + j·Dilation]) for u in [0, count).</summary>");
        w.Open($"private static void RowPass(ReadOnlySpan<{plan.T}> columns, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output, in KernelLayout layout, int o, int y, int x0, int count)");
        w.Line($"ref {plan.T} columnsRef = ref MemoryMarshal.GetReference(columns);");
        w.Line($"ref {plan.T} outputRef = ref MemoryMarshal.GetReference(output);");
        w.Line("nint outStart = ((nint)o * layout.OutHeight + y) * layout.OutWidth + x0;");
        w.Line("int u = 0;");
        foreach (SimdWidth width in SimdWidth.Vectors.Append(SimdWidth.Scalar))
        {
            int lanes = width.Lanes(plan);
            string condition = width.IsScalar ? "u < count" : $"{width.IsAccelerated} && count >= {lanes}";
            w.Open($"{(width == SimdWidth.V512 || width.IsScalar ? "if" : "else if")} ({condition})");
            foreach (string line in WindowOperation.RowSetup(plan, width, block: 1, guarded: false))
            {
                w.Line(line);
            }

            VectorLoop.Open(w, width, lanes, "u", null, "count");
            w.Line($"{width.Type(plan)} acc0 = {width.Zero(plan)};");
            for (int j = 0; j < row.Length; j++)
            {
                if (row[j] != 0)
                {
                    string at = j == 0 ? "u" : $"u + {j * plan.Spec.Dilation}";
                    w.Line(WindowOperation.AccumulateConstant(plan, width, "acc0", width.Load(plan, "columnsRef", at), row[j]));
                }
            }

            foreach (string line in WindowOperation.Finish(plan, width, "acc0", 0))
            {
                w.Line(line);
            }

            w.Line(width.Store("acc0", "outputRef", "outStart + u"));
            w.Close();
            if (!width.IsScalar)
            {
                w.Line();
                w.Line("u = count;");
            }

            w.Close();
        }

        w.Close();
    }

    private static string Join(KernelPlan plan, double[] taps) => string.Join(", ", taps.Select(t => ConstantKernel.Literal(t, plan.Spec.Element)));
}
