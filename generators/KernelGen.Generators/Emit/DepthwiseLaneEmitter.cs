using System.Collections.Generic;
using System.Linq;
using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes the AVX-512 path of a depthwise convolution whose output rows have 7 or 8 columns
/// (<see cref="KernelPlan.HasDepthwiseLanes"/>): channels one per vector lane, a block of a vector's lanes at a time.
/// Each block's input planes are transposed (<c>KernelLaneTransposes.Load</c>) into a padded tile of pixels, one vector
/// of the block's channels per pixel, rows <c>pitch</c> pixels apart and zeros for the padding; every tap is then an
/// aligned load at a constant offset from its row, and each output row is 8 accumulators, one per column, transposed
/// back into the channels' planes as it is stored. When the lanes do not divide the channels, the last block overlaps
/// the one before it and computes some channels twice.
/// </summary>
internal static class DepthwiseLaneEmitter
{
    /// <summary>The columns of one block row: the transposes' 8.</summary>
    public const int Columns = 8;

    /// <summary>
    /// The narrowest output rows the path takes: on narrower ones most of the 8 accumulators are dropped, and the
    /// flattened planes were faster (1024 channels at 5 × 5: 33 µs on planes, 55 in lanes).
    /// </summary>
    public const int MinOutWidth = 7;

    /// <summary>The narrowest input rows it transposes, two overlapping pieces of 4 columns (a Full border makes input rows narrower than the outputs').</summary>
    public const int MinInWidth = 4;

    public static void WriteCall(SourceWriter w, KernelPlan plan)
    {
        using (w.Block($"if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported && layout.OutWidth is >= {MinOutWidth} and <= {Columns} && layout.Width >= {MinInWidth} && DepthwiseLaneTileLength(layout) <= {ChannelLanes.MaxCopyScratch})"))
        {
            w.Line($"DepthwiseLanes({KernelClassEmitter.SpanArguments(plan)}, layout);");
            w.Line("return;");
        }

        w.Line();
    }

    public static void WriteMethods(SourceWriter w, KernelPlan plan)
    {
        string t = plan.T, vector = $"Vector512<{t}>";
        w.Line("/// <summary>The padded tile of one block of channels, in pixels: rows wide enough for a whole block row of outputs, and as many as the outputs read.</summary>");
        using (w.Block("private static (int Pitch, int Rows) DepthwiseLaneTileSize(in KernelLayout layout)"))
        {
            w.Line($"return ({Columns - 1} * StrideWidth + (KernelWidth - 1) * Dilation + 1, (layout.OutHeight - 1) * StrideHeight + (KernelHeight - 1) * Dilation + 1);");
        }

        w.Line();
        w.Line("/// <summary>The scratch the path takes, in elements: the tile, then one vector of weights per tap.</summary>");
        using (w.Block("private static long DepthwiseLaneTileLength(in KernelLayout layout)"))
        {
            w.Line("(int pitch, int rows) = DepthwiseLaneTileSize(layout);");
            w.Line($"return ((long)pitch * rows + TapsPerChannel) * {vector}.Count;");
        }

        w.Line();
        WriteBlocks(w, plan, vector);
        w.Line();
        WriteTile(w, plan, vector);
        w.Line();
        WriteWeights(w, plan, vector);
        w.Line();
        WriteRows(w, plan, vector);
    }

    private static void WriteBlocks(SourceWriter w, KernelPlan plan, string vector)
    {
        string t = plan.T;
        w.Line("/// <summary>");
        w.Line("/// The channels a block of a vector's lanes at a time: the block's input planes transposed into the tile, its weights");
        w.Line("/// into one vector per tap, then its output rows.");
        w.Line("/// </summary>");
        using (w.Block($"private static void DepthwiseLanes({KernelClassEmitter.SpanParameters(plan)}, in KernelLayout layout)"))
        {
            w.Line("(int pitch, int tileRows) = DepthwiseLaneTileSize(layout);");
            w.Line($"int tileLength = pitch * tileRows * {vector}.Count;");
            w.Line($"Span<{t}> scratch = KernelScratch.Get<{t}>(tileLength + TapsPerChannel * {vector}.Count); // this thread's scratch, 64-byte aligned");
            w.Line("scratch[..tileLength].Clear(); // the padding: each block overwrites only the input's own pixels");
            w.Line($"ref {t} tileRef = ref MemoryMarshal.GetReference(scratch);");
            w.Line($"ref {t} laneWeights = ref Unsafe.Add(ref tileRef, tileLength);");
            w.Line($"ref {t} inputRef = ref MemoryMarshal.GetReference(input);");
            w.Line($"ref {t} weightsRef = ref MemoryMarshal.GetReference(weights);");
            w.Line($"ref {t} outputRef = ref MemoryMarshal.GetReference(output);");
            w.Line("nint inPlane = (nint)layout.Height * layout.Width, outPlane = (nint)layout.OutHeight * layout.OutWidth;");
            w.Line("// The input rows and columns some output reads (a stride can leave the last ones unread, and the tile holds no more).");
            w.Line("int rows = Math.Min(layout.Height, tileRows - layout.PadTop), columns = Math.Min(layout.Width, pitch - layout.PadLeft);");
            w.Line($"ref {t} tileInput = ref Unsafe.Add(ref tileRef, ((nint)layout.PadTop * pitch + layout.PadLeft) * {vector}.Count); // the input's first pixel");
            using (w.Block($"for (int c0 = 0; ; c0 += {vector}.Count)"))
            {
                w.Line($"c0 = Math.Min(c0, Groups - {vector}.Count); // the last block overlaps the one before it");
                w.Line("DepthwiseLaneTile(ref Unsafe.Add(ref inputRef, c0 * inPlane), inPlane, layout.Width, rows, columns, ref tileInput, pitch);");
                w.Line("DepthwiseLaneWeights(ref Unsafe.Add(ref weightsRef, c0 * TapsPerChannel), ref laneWeights);");
                w.Line(plan.Spec.HasBias
                    ? $"{vector} biasLanes = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(bias), (nuint)c0);"
                    : $"{vector} biasLanes = {vector}.Zero;");
                w.Line("DepthwiseLaneRows(ref tileRef, ref laneWeights, biasLanes, ref Unsafe.Add(ref outputRef, c0 * outPlane), outPlane, layout.OutHeight, layout.OutWidth, pitch);");
                using (w.Block($"if (c0 == Groups - {vector}.Count)"))
                {
                    w.Line("break;");
                }
            }
        }
    }

    private static void WriteTile(SourceWriter w, KernelPlan plan, string vector)
    {
        string t = plan.T;
        w.Line("/// <summary>");
        w.Line("/// Transposes <paramref name=\"rows\"/> × <paramref name=\"columns\"/> pixels of a block's input planes (<paramref name=\"inPlane\"/>");
        w.Line("/// apart, rows <paramref name=\"width\"/> long) into the tile: pixel (y, x) becomes the vector of the block's channels at");
        w.Line("/// y · <paramref name=\"pitch\"/> + x. A row goes in pieces of 8 columns, the last overlapping the one before (or of 7, or two");
        w.Line("/// overlapping pieces of 4).");
        w.Line("/// </summary>");
        using (w.Block($"private static void DepthwiseLaneTile(ref {t} source, nint inPlane, int width, int rows, int columns, ref {t} tile, int pitch)"))
        {
            using (w.Block("for (int y = 0; y < rows; y++)"))
            {
                w.Line($"ref {t} from = ref Unsafe.Add(ref source, (nint)y * width);");
                w.Line($"ref {t} to = ref Unsafe.Add(ref tile, (nint)y * pitch * {vector}.Count);");
                using (w.Block($"if (columns >= {Columns})"))
                {
                    using (w.Block($"for (int x = 0; ; x += {Columns})"))
                    {
                        w.Line($"x = Math.Min(x, columns - {Columns});");
                        WriteTilePiece(w, plan, vector, "x", Columns);
                        using (w.Block($"if (x == columns - {Columns})"))
                        {
                            w.Line("break;");
                        }
                    }
                }

                using (w.Block("else if (columns == 7)"))
                {
                    WriteTilePiece(w, plan, vector, "0", 7);
                }

                using (w.Block("else"))
                {
                    WriteTilePiece(w, plan, vector, "0", 4);
                    WriteTilePiece(w, plan, vector, "columns - 4", 4, "q");
                }
            }
        }
    }

    /// <summary>One transposed piece of an input row: <paramref name="count"/> pixels from column <paramref name="at"/>, into locals named <paramref name="name"/>k.</summary>
    private static void WriteTilePiece(SourceWriter w, KernelPlan plan, string vector, string at, int count, string name = "p")
    {
        string outs = string.Join(", ", Enumerable.Range(0, Columns).Select(k => k < count ? $"out {vector} {name}{k}" : $"out {vector} _"));
        string columns = count == Columns ? "" : $", columns: {count}";
        w.Line($"KernelLaneTransposes.Load(ref from, {at}, inPlane, {outs}{columns});");
        string column = at == "0" ? "" : $"({at}) + ";
        for (int k = 0; k < count; k++)
        {
            string offset = at == "0" ? $"{k}" : $"{column}{k}";
            w.Line($"{name}{k}.StoreUnsafe(ref to, (nuint)((nint)({offset}) * {vector}.Count));");
        }
    }

    private static void WriteWeights(SourceWriter w, KernelPlan plan, string vector)
    {
        string t = plan.T;
        int taps = plan.TapsPerChannel;
        w.Line("/// <summary>");
        w.Line("/// The block's weights as one vector per tap, in the weights' order (lane l: the weight of the block's channel l),");
        w.Line("/// transposed from the channels' rows of TapsPerChannel weights.");
        w.Line("/// </summary>");
        using (w.Block($"private static void DepthwiseLaneWeights(ref {t} source, ref {t} laneWeights)"))
        {
            var stored = new HashSet<int>();
            foreach ((int start, int count) in Pieces(taps))
            {
                string outs = string.Join(", ", Enumerable.Range(0, Columns).Select(k =>
                    k < count && !stored.Contains(start + k) ? $"out {vector} w{start + k}" : $"out {vector} _"));
                string columns = count == Columns ? "" : $", columns: {count}";
                w.Line($"KernelLaneTransposes.Load(ref source, {start}, TapsPerChannel, {outs}{columns});");
                for (int k = 0; k < count; k++)
                {
                    if (stored.Add(start + k))
                    {
                        w.Line($"w{start + k}.StoreUnsafe(ref laneWeights, {start + k} * (nuint){vector}.Count);");
                    }
                }
            }
        }
    }

    private static void WriteRows(SourceWriter w, KernelPlan plan, string vector)
    {
        string t = plan.T, v = "Vector512";
        var s = plan.Spec;
        int lanes = VectorWidth.V512.Lanes(plan);
        w.Line("/// <summary>");
        w.Line("/// A block's output rows: 8 accumulators, one per column, starting from the bias; each tap an aligned load of the tile");
        w.Line("/// at a constant offset from its row's start, times the tap's vector of weights; then the transposed store of the");
        w.Line("/// row's <paramref name=\"outWidth\"/> columns (8 or 7) into the block's planes.");
        w.Line("/// </summary>");
        using (w.Block($"private static void DepthwiseLaneRows(ref {t} tile, ref {t} laneWeights, {vector} biasLanes, ref {t} destination, nint outPlane, int outHeight, int outWidth, int pitch)"))
        {
            for (int k = 0; k < plan.TapsPerChannel; k++)
            {
                w.Line($"{vector} w{k} = {v}.LoadUnsafe(ref laneWeights, {k} * (nuint){vector}.Count);");
            }

            using (w.Block("for (int y = 0; y < outHeight; y++)"))
            {
                for (int i = 0; i < s.KernelHeight; i++)
                {
                    string row = i == 0 ? "y * StrideHeight" : $"y * StrideHeight + {i * s.Dilation}";
                    w.Line($"ref {t} row{i} = ref Unsafe.Add(ref tile, (nint)({row}) * pitch * {vector}.Count);");
                }

                w.Line($"{vector} {string.Join(", ", Enumerable.Range(0, Columns).Select(x => $"a{x} = biasLanes"))};");
                foreach (Tap tap in plan.Taps)
                {
                    for (int x = 0; x < Columns; x++)
                    {
                        int offset = (x * s.StrideWidth + tap.ColumnOffset) * lanes;
                        w.Line($"a{x} = {v}.MultiplyAddEstimate({v}.LoadUnsafe(ref row{tap.Row}, {offset}), w{tap.WeightIndex}, a{x});");
                    }
                }

                if (s.Relu)
                {
                    for (int x = 0; x < Columns; x++)
                    {
                        w.Line($"a{x} = {v}.Max(a{x}, {vector}.Zero);");
                    }
                }

                w.Line();
                w.Line("nint at = (nint)y * outWidth;");
                string all = string.Join(", ", Enumerable.Range(0, Columns).Select(x => $"a{x}"));
                using (w.Block($"if (outWidth == {Columns})"))
                {
                    w.Line($"KernelLaneTransposes.Store({all}, ref destination, at, outPlane, keep: 0);");
                }

                using (w.Block("else"))
                {
                    w.Line($"KernelLaneTransposes.Store({all}, ref destination, at, outPlane, keep: 0, columns: 7);");
                }
            }
        }
    }

    /// <summary>The pieces a row of <paramref name="count"/> (at least 4) goes in: 8 at a time, the last overlapping; 7; or two overlapping 4s.</summary>
    private static IEnumerable<(int Start, int Count)> Pieces(int count)
    {
        if (count >= Columns)
        {
            for (int start = 0; ; start += Columns)
            {
                start = System.Math.Min(start, count - Columns);
                yield return (start, Columns);
                if (start == count - Columns)
                {
                    yield break;
                }
            }
        }

        if (count == 7)
        {
            yield return (0, 7);
            yield break;
        }

        yield return (0, 4);
        if (count > 4)
        {
            yield return (count - 4, 4);
        }
    }
}
