using System.Collections.Generic;
using System.Linq;
using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes the path of a one-channel-per-output convolution (depthwise) on a narrow map (<see cref="KernelPlan.HasSmallPlanes"/>):
/// rows of 7 to 28 outputs leave a row vector mostly empty or in its scalar tail, and MobileNetV2's deep depthwise
/// layers have hundreds of such planes. Each input plane is copied into scratch with its padding as zeros, rows
/// <c>pitch</c> apart; the outputs are then computed over the flattened copy, position <c>y·pitch + x</c>, where every
/// tap is one constant offset, so the vectors run on across the row ends. The columns past each row's end (as many as
/// the window reaches) are computed and dropped when the rows are copied out.
/// </summary>
/// <remarks>
/// A strided layer's copy is split into stride phases, one plane per (row mod stride, column mod stride) of the padded
/// input: output (y, x) and tap (i, j) then read phase ((i·d) mod sh, (j·d) mod sw) at row y + (i·d) / sh and column
/// x + (j·d) / sw, a stride-1 read at a constant offset again. The rows are dealt out to the phases as they are copied.
/// </remarks>
internal static class SmallPlaneEmitter
{
    /// <summary>Maps narrower than this take the path: the row path fills its vectors from two 512-bit vectors a row.</summary>
    public const int MaxOutWidth = 31;

    public static void WriteCall(SourceWriter w, KernelPlan plan)
    {
        using (w.Block($"if (Vector256.IsHardwareAccelerated && layout.OutWidth <= {MaxOutWidth} && SmallPlaneScratchLength(layout) <= {ChannelLanes.MaxCopyScratch})"))
        {
            w.Line("SmallPlanes(input, weights, bias, output, layout);");
            w.Line("return;");
        }

        w.Line();
    }

    public static void WriteMethods(SourceWriter w, KernelPlan plan)
    {
        string t = plan.T;
        var s = plan.Spec;
        bool strided = s.StrideHeight > 1 || s.StrideWidth > 1;
        int phases = s.StrideHeight * s.StrideWidth;
        w.Line(strided
            ? $"/// <summary>The padded copy of one input plane as its {phases} stride phases (each with a vector's slack after it), rows <c>pitch</c> apart, and the flattened outputs of one channel.</summary>"
            : "/// <summary>The padded copy of one input plane (with a vector's slack after it), rows <c>pitch</c> apart, and the flattened outputs of one channel.</summary>");
        using (w.Block("private static (int Pitch, int PhaseRows, int Flat, int PhaseLength) SmallPlaneSizes(in KernelLayout layout)"))
        {
            string columnReach = strided ? "(KernelWidth - 1) * Dilation / StrideWidth" : "(KernelWidth - 1) * Dilation";
            string rowReach = strided ? "(KernelHeight - 1) * Dilation / StrideHeight" : "(KernelHeight - 1) * Dilation";
            w.Line($"int pitch = layout.OutWidth + {columnReach}, phaseRows = layout.OutHeight + {rowReach};");
            w.Line($"int flat = (layout.OutHeight * pitch + Vector512<{t}>.Count - 1) / Vector512<{t}>.Count * Vector512<{t}>.Count; // whole vectors of either width");
            w.Line($"return (pitch, phaseRows, flat, Math.Max(phaseRows * pitch, flat + {rowReach} * pitch + {columnReach}));");
        }

        w.Line();
        using (w.Block("private static long SmallPlaneScratchLength(in KernelLayout layout)"))
        {
            w.Line("(_, _, int flat, int phaseLength) = SmallPlaneSizes(layout);");
            w.Line(phases == 1 ? "return (long)phaseLength + 2 * flat;" : $"return {phases}L * phaseLength + 2 * flat;");
        }

        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Each output channel over the flattened padded copy of its input plane: output (y, x) at y·pitch + x, tap (i, j)");
        w.Line("/// at a constant offset from it; the columns past each row's end are dropped when the rows are copied out.");
        w.Line("/// </summary>");
        using (w.Block($"private static void SmallPlanes(ReadOnlySpan<{t}> input, ReadOnlySpan<{t}> weights, ReadOnlySpan<{t}> bias, Span<{t}> output, in KernelLayout layout)"))
        {
            string planeLength = phases == 1 ? "phaseLength" : $"{phases} * phaseLength";
            w.Line($"(int pitch, {(strided ? "int phaseRows" : "_")}, int flat, int phaseLength) = SmallPlaneSizes(layout);");
            w.Line($"Span<{t}> scratch = KernelScratch.Get<{t}>({planeLength} + 2 * flat); // this thread's scratch (not the stack)");
            w.Line($"scratch[..{(phases == 1 ? planeLength : $"({planeLength})")}].Clear(); // the padding: the rows copied in below overwrite only the input's own elements");
            w.Line($"ref {t} planeRef = ref MemoryMarshal.GetReference(scratch);");
            w.Line($"ref {t} sumsRef = ref Unsafe.Add(ref planeRef, {planeLength}); // two channels' sums, alternately");
            w.Line($"ref {t} inputRef = ref MemoryMarshal.GetReference(input);");
            w.Line($"ref {t} weightsRef = ref MemoryMarshal.GetReference(weights);");
            w.Line($"ref {t} outputRef = ref MemoryMarshal.GetReference(output);");
            w.Line("nint inPlane = (nint)layout.Height * layout.Width, outPlane = (nint)layout.OutHeight * layout.OutWidth;");
            if (strided)
            {
                w.Line("// The input rows and columns some output reads (a stride can leave the last ones unread).");
                w.Line("int rows = Math.Min(layout.Height, phaseRows * StrideHeight - layout.PadTop), columns = Math.Min(layout.Width, pitch * StrideWidth - layout.PadLeft);");
            }

            using (w.Block("for (int c = 0; c < Groups; c++)"))
            {
                WriteCopyIn(w, strided);
                w.Line();
                w.Line($"ref {t} channelWeights = ref Unsafe.Add(ref weightsRef, c * TapsPerChannel);");
                w.Line($"ref {t} sums = ref Unsafe.Add(ref sumsRef, (c & 1) * flat);");
                // The tap rows' starts do not change from channel to channel, but declared once before the loop they stay
                // live across the row copies, which then run short of registers (M10: 94-101 µs a call this way, 139 hoisted).
                List<TapRow> tapRows = TapRows(plan);
                foreach (TapRow row in tapRows.Distinct())
                {
                    w.Line(row.Offset == "0"
                        ? $"ref {t} {row.Name} = ref planeRef; // {row.Description}"
                        : $"ref {t} {row.Name} = ref Unsafe.Add(ref planeRef, {row.Offset}); // {row.Description}");
                }

                using (w.Block("if (Vector512.IsHardwareAccelerated)"))
                {
                    WriteChannel(w, plan, "Vector512", tapRows);
                }

                using (w.Block("else"))
                {
                    WriteChannel(w, plan, "Vector256", tapRows);
                }

                w.Line();
                w.Line("// The channel before this one goes out now: reading sums back straight after storing them would stall, the");
                w.Line("// rows' starts not being where the vectors were stored.");
                using (w.Block("if (c > 0)"))
                {
                    WriteCopyOut(w, "c - 1", "(c - 1) & 1");
                }
            }

            w.Line();
            WriteCopyOut(w, "Groups - 1", "(Groups - 1) & 1");
        }
    }

    /// <summary>One channel's flattened sums, in vectors of <paramref name="vector"/>: the weights broadcast, then every tap a multiply-add.</summary>
    private static void WriteChannel(SourceWriter w, KernelPlan plan, string vector, List<TapRow> tapRows)
    {
        var s = plan.Spec;
        string type = $"{vector}<{plan.T}>";
        for (int i = 0; i < s.KernelHeight; i++)
        {
            for (int j = 0; j < s.KernelWidth; j++)
            {
                int k = plan.WeightRow(i) * s.KernelWidth + plan.WeightColumn(j);
                w.Line($"{type} w{i}_{j} = {vector}.Create(Unsafe.Add(ref channelWeights, {k}));");
            }
        }

        if (s.HasBias)
        {
            w.Line($"{type} biasLanes = {vector}.Create(bias[c]);");
        }

        using (w.Block($"for (nint q = 0; q < flat; q += {type}.Count)"))
        {
            w.Line($"{type} acc = {type}.Zero;");
            for (int i = 0; i < s.KernelHeight; i++)
            {
                for (int j = 0; j < s.KernelWidth; j++)
                {
                    int column = j * s.Dilation / s.StrideWidth;
                    string at = column == 0 ? "q" : $"q + {column}";
                    w.Line($"acc = {vector}.MultiplyAddEstimate({vector}.LoadUnsafe(ref {tapRows[i * s.KernelWidth + j].Name}, (nuint)({at})), w{i}_{j}, acc);");
                }
            }

            if (s.HasBias)
            {
                w.Line("acc += biasLanes;");
            }

            if (s.Relu)
            {
                w.Line($"acc = {vector}.Max(acc, {type}.Zero);");
            }

            w.Line("acc.StoreUnsafe(ref sums, (nuint)q);");
        }
    }

    /// <summary>Copies a channel's finished rows from its half of the sums to the output.</summary>
    private static void WriteCopyOut(SourceWriter w, string channel, string half)
        => w.Line($"KernelPlaneCopies.CopyRows(ref Unsafe.Add(ref sumsRef, ({half}) * flat), pitch, ref Unsafe.Add(ref outputRef, ({channel}) * outPlane), layout.OutWidth, layout.OutHeight, layout.OutWidth);");

    /// <summary>Copies channel <c>c</c>'s input rows into the padded copy (dealt out to the stride phases when strided).</summary>
    private static void WriteCopyIn(SourceWriter w, bool strided)
    {
        const string Source = "ref Unsafe.Add(ref inputRef, c * inPlane)";
        if (strided)
        {
            w.Line("// The next input plane, dealt out to its stride phases.");
            w.Line($"KernelPlaneCopies.DealPlane({Source}, rows, columns, layout.Width, ref planeRef, phaseLength, pitch, layout.PadTop, layout.PadLeft, StrideHeight, StrideWidth);");
        }
        else
        {
            w.Line("// The next input plane.");
            w.Line($"KernelPlaneCopies.CopyRows({Source}, layout.Width, ref Unsafe.Add(ref planeRef, (nint)layout.PadTop * pitch + layout.PadLeft), pitch, layout.Height, layout.Width);");
        }
    }

    /// <summary>Where each tap's row starts in the copy, row by row of the window: its phase and its row within the phase.</summary>
    private static List<TapRow> TapRows(KernelPlan plan)
    {
        var s = plan.Spec;
        var rows = new List<TapRow>();
        for (int i = 0; i < s.KernelHeight; i++)
        {
            for (int j = 0; j < s.KernelWidth; j++)
            {
                int phase = i * s.Dilation % s.StrideHeight * s.StrideWidth + j * s.Dilation % s.StrideWidth;
                rows.Add(new TapRow(phase, i * s.Dilation / s.StrideHeight, s.StrideHeight * s.StrideWidth > 1));
            }
        }

        return rows;
    }

    /// <summary>A row of the padded copy some taps read: <paramref name="Row"/> rows below the output's own in phase <paramref name="Phase"/>.</summary>
    private readonly record struct TapRow(int Phase, int Row, bool Strided)
    {
        public string Name => Strided ? $"phase{Phase}Row{Row}" : $"row{Row}";

        public string Offset => (Phase, Row) switch
        {
            (0, 0) => "0",
            (0, _) => $"{Row} * pitch",
            (_, 0) => $"{Phase} * phaseLength",
            _ => $"{Phase} * phaseLength + {Row} * pitch",
        };

        public string Description => $"the taps {Row} row{(Row == 1 ? "" : "s")} below the output's{(Strided ? $", in stride phase {Phase}" : "")}";
    }
}
