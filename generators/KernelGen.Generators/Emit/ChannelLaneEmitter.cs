using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes the channel-lane path of a multi-channel convolution (<see cref="ChannelLanes"/>): the weight repacking,
/// the walk over output channel blocks and row pairs, the block passes (interior or border rows; left, middle or
/// right columns) and the transposing store.
/// </summary>
internal static class ChannelLaneEmitter
{
    private const string Vector = "Vector512";

    /// <summary>
    /// The test <c>Run</c> makes before taking the channel-lane path: AVX-512, two output rows, and output widths at
    /// which every block's input columns outside its padding lie inside the input: the left block needs the right
    /// padding out of its reach (and the right block the left), and the middle blocks, when there are any, must not be
    /// pulled back into the left padding by their overlapping last block. (The left and right blocks may overlap.)
    /// </summary>
    public static string Condition(ChannelLanes lanes)
    {
        string width = lanes.ExcludesMiddleWidths
            ? $"layout.OutWidth >= {lanes.MinOutWidth} && (layout.OutWidth <= {lanes.NoMiddleWidth} || layout.OutWidth >= {lanes.WholeMiddleWidth})"
            : $"layout.OutWidth >= {lanes.MinOutWidth}";
        return $"Vector512.IsHardwareAccelerated && Avx512F.IsSupported && {width} && layout.OutHeight >= LaneBlockRows";
    }

    public static void WriteConstants(SourceWriter w, ChannelLanes lanes)
    {
        w.Line($"private const int ChannelLanes = {lanes.Lanes}; // output channels per 512-bit accumulator on the channel-lane path");
        w.Line($"private const int LaneBlockRows = {ChannelLanes.Rows}, LaneBlockColumns = {ChannelLanes.Columns}; // output positions per channel-lane pass");
        if (lanes.Chunked)
        {
            w.Line($"private const int LaneChunk = {lanes.Chunk}; // input channels whose repacked weights fit the scratch buffer at once");
        }
    }

    public static void WriteMethods(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        WriteWalk(w, plan, lanes);
        w.Line();
        WritePacking(w, plan);
        foreach (bool border in plan.HasBorderRows ? new[] { false, true } : [false])
        {
            foreach (ColumnBlock kind in lanes.ColumnBlocks())
            {
                w.Line();
                WriteBlock(w, plan, lanes, border, kind);
            }
        }

        w.Line();
        WriteTransposeStore(w, plan, lanes);
        if (lanes.Chunked)
        {
            w.Line();
            WriteLoadTransposed(w, plan, lanes);
        }

        WriteSwapIndices(w, plan, lanes);
    }

    private static void WriteWalk(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        string t = plan.T;
        w.Line("/// <summary>");
        w.Line("/// The channel-lane path: for each block of <see cref=\"ChannelLanes\"/> output channels, their weights repacked tap by tap,");
        w.Line(lanes.Chunked
            ? "/// then output rows two at a time, top to bottom, in blocks of 8 columns; chunk by chunk of input channels, each chunk resuming the partial sums the one before stored."
            : "/// then output rows two at a time, top to bottom, in blocks of 8 columns.");
        w.Line("/// </summary>");
        using (w.Block($"private static void LaneBlocks(ReadOnlySpan<{t}> input, ReadOnlySpan<{t}> weights, ReadOnlySpan<{t}> bias, Span<{t}> output, in KernelLayout layout)"))
        {
            string size = lanes.Chunked ? "LaneChunk * TapsPerChannel" : "WeightsPerOutput";
            double kib = (double)lanes.Chunk * plan.TapsPerChannel * lanes.Lanes * plan.ElementBytes / 1024;
            w.Line($"Span<{t}> packed = KernelScratch.Get<{t}>({size} * ChannelLanes); // {kib:0.#} KiB, this thread's scratch (not the stack)");
            using (w.Block("for (int group = 0; group < Groups; group++)"))
            {
                w.Line("int c0 = group * ChannelsPerGroup;");
                using (w.Block("for (int o = group * OutputsPerGroup; o < (group + 1) * OutputsPerGroup; o += ChannelLanes)"))
                {
                    // With chunks, a loop over them holds the pairs of rows; each chunk resumes the sums the one before stored.
                    using (w.BlockIf(lanes.Chunked, "for (int c = 0; c < ChannelsPerGroup; c += LaneChunk)"))
                    {
                        if (lanes.Chunked)
                        {
                            w.Line("int channels = Math.Min(LaneChunk, ChannelsPerGroup - c);");
                            w.Line("bool resume = c > 0, finish = c + channels == ChannelsPerGroup; // a later chunk adds to the partial sums in the output");
                            w.Line("PackLaneWeights(weights, packed, o, c, channels);");
                            w.Line("int rowsDone = 0; // a pair overlapping the one before must not add this chunk to its first row twice");
                        }
                        else
                        {
                            w.Line("PackLaneWeights(weights, packed, o, 0, ChannelsPerGroup);");
                        }

                        using (VectorLoop.OpenOverlapping(w, "y", "0", "layout.OutHeight", "LaneBlockRows", unit: "pair"))
                        {
                            if (lanes.Chunked)
                            {
                                w.Line("bool firstRowDone = y < rowsDone;");
                            }

                            if (plan.HasBorderRows)
                            {
                                using (w.Block("if (y >= layout.RowStart && y + LaneBlockRows <= layout.RowEnd)"))
                                {
                                    WriteBlockCalls(w, lanes, border: false);
                                }

                                using (w.Block("else"))
                                {
                                    WriteBlockCalls(w, lanes, border: true);
                                }
                            }
                            else
                            {
                                WriteBlockCalls(w, lanes, border: false);
                            }

                            if (lanes.Chunked)
                            {
                                w.Line();
                                w.Line("rowsDone = y + LaneBlockRows;");
                            }
                        }
                    }
                }
            }
        }
    }

    private static void WriteBlockCalls(SourceWriter w, ChannelLanes lanes, bool border)
    {
        string from = lanes.PadLeft > 0 ? "LaneBlockColumns" : "0";
        string to = lanes.PadRight > 0 ? "layout.OutWidth - LaneBlockColumns" : "layout.OutWidth";
        foreach (ColumnBlock kind in lanes.ColumnBlocks())
        {
            string range = kind switch
            {
                ColumnBlock.Left => "0, LaneBlockColumns",
                ColumnBlock.Right => "layout.OutWidth - LaneBlockColumns, layout.OutWidth",
                _ => $"{from}, {to}",
            };
            string chunk = lanes.Chunked ? "c0 + c, y, channels, resume, finish, firstRowDone" : "c0, y";
            w.Line($"{ChannelLanes.BlockName(border, kind)}(input, packed, bias, output, layout, o, {chunk}, {range});");
        }
    }

    private static void WritePacking(SourceWriter w, KernelPlan plan)
    {
        string t = plan.T;
        w.Line("/// <summary>");
        w.Line("/// packed[(c·TapsPerChannel + tap)·ChannelLanes + k] = the weight output channel o + k applies to input channel");
        w.Line("/// <paramref name=\"first\"/> + c at <c>tap</c> (window row-major, as applied: reversed when flipped), for c &lt;");
        w.Line("/// <paramref name=\"channels\"/>, so each tap's weights for the block load as one vector.");
        w.Line("/// </summary>");
        using (w.Block($"private static void PackLaneWeights(ReadOnlySpan<{t}> weights, Span<{t}> packed, int o, int first, int channels)"))
        {
            w.Line($"ref {t} source = ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), (nint)o * WeightsPerOutput + first * TapsPerChannel);");
            w.Line($"ref {t} destination = ref MemoryMarshal.GetReference(packed);");
            using (w.Block("for (int k = 0; k < ChannelLanes; k++)"))
            {
                using (w.Block("for (int i = 0; i < channels * TapsPerChannel; i += TapsPerChannel)"))
                {
                    using (w.Block("for (int tap = 0; tap < TapsPerChannel; tap++)"))
                    {
                        w.Line("int from = i + (Flip ? TapsPerChannel - 1 - tap : tap);");
                        w.Line("Unsafe.Add(ref destination, (i + tap) * ChannelLanes + k) = Unsafe.Add(ref source, (nint)k * WeightsPerOutput + from);");
                    }
                }
            }
        }
    }

    private static void WriteBlock(SourceWriter w, KernelPlan plan, ChannelLanes lanes, bool border, ColumnBlock kind)
    {
        string t = plan.T, type = $"{Vector}<{t}>";
        int rows = ChannelLanes.Rows, columns = ChannelLanes.Columns;
        var pixels = Footprint(plan, lanes, kind);
        string where = kind switch
        {
            ColumnBlock.Left => "the first 8 output columns, skipping the input columns in the left padding",
            ColumnBlock.Right => "the last 8 output columns, skipping the input columns in the right padding",
            _ => "columns [xFrom, xTo), 8 at a time, every input column inside the input",
        };
        w.Line("/// <summary>");
        w.Line($"/// Output rows <paramref name=\"y\"/> and y + 1, {where}, of output channels o to o + ChannelLanes − 1:");
        w.Line($"/// one accumulator per output position; {(border ? "input rows outside the input are skipped" : "every kernel row inside the input")}.");
        w.Line("/// </summary>");
        string chunk = lanes.Chunked ? "int y, int channels, bool resume, bool finish, bool firstRowDone" : "int y";
        using (w.Block($"private static void {ChannelLanes.BlockName(border, kind)}(ReadOnlySpan<{t}> input, ReadOnlySpan<{t}> packed, ReadOnlySpan<{t}> bias, Span<{t}> output, in KernelLayout layout, int o, int c0, {chunk}, int xFrom, int xTo)"))
        {
            w.Line($"ref {t} inputRef = ref MemoryMarshal.GetReference(input);");
            w.Line($"ref {t} packedRef = ref MemoryMarshal.GetReference(packed);");
            w.Line($"ref {t} outputRef = ref MemoryMarshal.GetReference(output);");
            PassLocals.WriteGeometry(w);
            foreach (int row in pixels.Select(p => p.Row).Distinct().Where(r => r > 0))
            {
                w.Line($"nint row{row} = (nint){row} * width;");
            }

            if (border)
            {
                foreach (int row in pixels.Select(p => p.Row).Distinct())
                {
                    w.Line($"bool inside{row} = (uint)({(row == 0 ? "top" : $"top + {row}")}) < (uint)layout.Height;");
                }
            }

            if (plan.Spec.HasBias)
            {
                w.Line($"{type} biasLanes = {Vector}.LoadUnsafe(ref MemoryMarshal.GetReference(bias), (nuint)o);");
            }

            w.Line();
            if (lanes.Chunked)
            {
                w.Line(kind == ColumnBlock.Right && lanes.PadLeft > 0
                    ? $"int columnsDone = Math.Max(xFrom, {columns}); // the left block finished the first {columns} columns: an overlapping block keeps them"
                    : "int columnsDone = xFrom; // a block overlapping the one before keeps the columns that one finished");
            }

            using (VectorLoop.OpenOverlapping(w, "x", "xFrom", "xTo", columns.ToString(), unit: "block"))
            {
                if (lanes.Chunked)
                {
                    w.Line("int keep = columnsDone - x;");
                    w.Line($"columnsDone = x + {columns};");
                }

                w.Line("nint at = c0 * plane + (nint)top * width + x - layout.PadLeft; // an offset only: never turned into a ref outside the input");
                w.Line("nint outAt = o * outPlane + (nint)y * layout.OutWidth + x;");
                w.Line("// acc{r}_{j}: output row y + r, column x + j, one lane per output channel");
                if (lanes.Chunked)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        w.Line($"{type} {string.Join(", ", Enumerable.Range(0, columns).Select(j => $"acc{r}_{j}"))};");
                    }

                    using (w.Block("if (resume)"))
                    {
                        for (int r = 0; r < rows; r++)
                        {
                            string accumulators = string.Join(", ", Enumerable.Range(0, columns).Select(j => $"out acc{r}_{j}"));
                            w.Line($"LoadTransposed(ref outputRef, {OutputRow(r)}, outPlane, {accumulators});");
                        }
                    }

                }

                // A chunk after the first resumes the partial sums; the first (or the only) starts from zero.
                using (w.BlockIf(lanes.Chunked, "else"))
                {
                    for (int r = 0; r < rows; r++)
                    {
                        for (int j = 0; j < columns; j++)
                        {
                            w.Line(lanes.Chunked ? $"acc{r}_{j} = {type}.Zero;" : $"{type} acc{r}_{j} = {type}.Zero;");
                        }
                    }
                }

                if (lanes.Chunked)
                {
                    w.Line();
                }

                using (w.Block($"for (int c = 0; c < {(lanes.Chunked ? "channels" : "ChannelsPerGroup")}; c++, at += plane)"))
                {
                    w.Line($"ref {t} tapWeights = ref Unsafe.Add(ref packedRef, c * (TapsPerChannel * ChannelLanes));");
                    for (int tap = 0; tap < plan.TapsPerChannel; tap++)
                    {
                        w.Line($"{type} weight{tap} = {Vector}.LoadUnsafe(ref tapWeights, {tap * lanes.Lanes});");
                    }

                    w.Line($"{type} pixel;");
                    foreach (IGrouping<int, Pixel> row in pixels.GroupBy(p => p.Row))
                    {
                        w.Line($"// input row {row.Key}");
                        using (w.BlockIf(border, $"if (inside{row.Key})"))
                        {
                            foreach (Pixel pixel in row)
                            {
                                string offset = row.Key == 0 ? $"at + {pixel.Column}" : $"at + row{row.Key} + {pixel.Column}";
                                w.Line($"pixel = {Vector}.Create(Unsafe.Add(ref inputRef, {offset}));");
                                foreach ((int r, int j, int tap) in pixel.Uses.OrderBy(u => u.Row).ThenBy(u => u.Column))
                                {
                                    w.Line($"acc{r}_{j} = {Vector}.MultiplyAddEstimate(pixel, weight{tap}, acc{r}_{j});");
                                }
                            }
                        }
                    }
                }

                w.Line();
                bool finishes = plan.Spec.HasBias || plan.Spec.Relu;
                // Bias and activation once the last chunk has added its sums.
                using (w.BlockIf(lanes.Chunked && finishes, "if (finish)"))
                {
                    for (int r = 0; r < rows; r++)
                    {
                        for (int j = 0; j < columns; j++)
                        {
                            string acc = $"acc{r}_{j}";
                            if (plan.Spec.HasBias)
                            {
                                w.Line($"{acc} = biasLanes + {acc};");
                            }

                            if (plan.Spec.Relu)
                            {
                                w.Line($"{acc} = {Vector}.Max({acc}, {type}.Zero);");
                            }
                        }
                    }
                }

                if (lanes.Chunked && finishes)
                {
                    w.Line();
                }

                for (int r = 0; r < rows; r++)
                {
                    string accumulators = string.Join(", ", Enumerable.Range(0, columns).Select(j => $"acc{r}_{j}"));
                    string store = $"TransposeStore({accumulators}, ref outputRef, {OutputRow(r)}, outPlane{(lanes.Chunked ? ", keep" : "")});";
                    if (lanes.Chunked && r == 0)
                    {
                        using (w.Block("if (!firstRowDone)"))
                        {
                            w.Line(store);
                        }

                        w.Line();
                    }
                    else
                    {
                        w.Line(store);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The input pixels a block reads (row and column relative to its first output's first tap) outside the padding
    /// its column kind implies, each with the accumulators and taps it feeds, row by row.
    /// </summary>
    private static List<Pixel> Footprint(KernelPlan plan, ChannelLanes lanes, ColumnBlock kind)
    {
        var pixels = new SortedDictionary<(int Row, int Column), List<(int, int, int)>>();
        for (int r = 0; r < ChannelLanes.Rows; r++)
        {
            for (int tap = 0; tap < plan.Taps.Count; tap++)
            {
                Tap window = plan.Taps[tap];
                for (int j = 0; j < ChannelLanes.Columns; j++)
                {
                    int row = r * plan.Spec.StrideHeight + window.Row * plan.Spec.Dilation, column = j + window.ColumnOffset;
                    if (lanes.InPadding(kind, column, plan.ColumnReach))
                    {
                        continue;
                    }

                    if (!pixels.TryGetValue((row, column), out var uses))
                    {
                        pixels[(row, column)] = uses = [];
                    }

                    uses.Add((r, j, tap));
                }
            }
        }

        return pixels.Select(p => new Pixel(p.Key.Row, p.Key.Column, p.Value)).ToList();
    }

    private sealed record Pixel(int Row, int Column, List<(int Row, int Column, int Tap)> Uses);

    private static string OutputRow(int r) => r == 0 ? "outAt" : $"outAt + {r} * layout.OutWidth";

    private static void WriteTransposeStore(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        string t = plan.T, type = $"{Vector}<{t}>";
        int columns = ChannelLanes.Columns, halves = lanes.Lanes / columns;
        w.Line("/// <summary>");
        w.Line("/// Stores one output row of a block: a0..a7 hold columns at..at + 7, one lane per output channel. Three rounds of");
        w.Line("/// two-source permutes swap bit r of the column (which vector) with bit r of the channel (which lane), after which");
        w.Line(halves == 1
            ? "/// vector k holds the 8 columns of channel k, stored to its output plane."
            : "/// vector k holds the 8 columns of channel k in its lower half and of channel k + 8 in its upper half.");
        if (lanes.Chunked)
        {
            // Inlined beside the resume of the partial sums, its temporaries would each take a stack slot in the caller's
            // frame (14 KiB measured); a chunk has so many channels that one call per block row costs nothing.
            w.Line("/// Not inlined, to keep the caller's stack frame small.");
        }

        w.Line("/// </summary>");
        w.Line(lanes.Chunked ? "[MethodImpl(MethodImplOptions.NoInlining)]" : "[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        string parameters = string.Join(", ", Enumerable.Range(0, columns).Select(j => $"{type} a{j}"));
        using (w.Block($"private static void TransposeStore({parameters}, ref {t} destination, nint at, nint outPlane{(lanes.Chunked ? ", int keep" : "")})"))
        {
            string[] current = WriteSwapRounds(w, plan, Enumerable.Range(0, columns).Select(j => $"a{j}").ToArray());
            string Store(string value, string at) => lanes.Chunked
                ? $"StoreColumns({value}, ref destination, {at}, keep);"
                : $"{value}.StoreUnsafe(ref destination, (nuint)({at}));";
            for (int k = 0; k < columns; k++)
            {
                if (halves == 1)
                {
                    w.Line(Store(current[k], $"at + {k} * outPlane"));
                }
                else
                {
                    w.Line(Store($"{current[k]}.GetLower()", $"at + {k} * outPlane"));
                    w.Line(Store($"{current[k]}.GetUpper()", $"at + {k + columns} * outPlane"));
                }
            }
        }

        if (lanes.Chunked)
        {
            w.Line();
            WriteStoreColumns(w, plan, lanes);
        }
    }

    // A chunked kernel's store of one channel's 8 columns that keeps the first `keep` (finished by an overlapped block).
    private static void WriteStoreColumns(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        bool single = plan.ElementBytes == 4;
        string vector = single ? "Vector256" : Vector, type = $"{vector}<{plan.T}>";
        string indices = Literals.Indices(plan, Enumerable.Range(0, ChannelLanes.Columns));
        w.Line("/// <summary>Stores 8 columns of one channel, except the first <paramref name=\"keep\"/>, which an overlapped block already finished.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        using (w.Block($"private static void StoreColumns({type} value, ref {plan.T} destination, nint at, int keep)"))
        {
            using (w.Block("if (keep > 0)"))
            {
                w.Line($"{type} kept = {vector}.LoadUnsafe(ref destination, (nuint)at);");
                w.Line($"value = {vector}.ConditionalSelect({vector}.LessThan({vector}.Create({indices}), {vector}.Create({(single ? "keep" : "(long)keep")})).{(single ? "AsSingle" : "AsDouble")}(), kept, value);");
            }

            w.Line();
            w.Line("value.StoreUnsafe(ref destination, (nuint)at);");
        }
    }

    /// <summary>
    /// For a chunk that resumes partial sums: the inverse of <c>TransposeStore</c>. Vector k is loaded with the 8
    /// columns of channel k (and of channel k + 8 in its upper half, for float), then the same three rounds, each its
    /// own inverse, give back one accumulator per column.
    /// </summary>
    private static void WriteLoadTransposed(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        string t = plan.T, type = $"{Vector}<{t}>";
        int columns = ChannelLanes.Columns, halves = lanes.Lanes / columns;
        w.Line("/// <summary>The inverse of <see cref=\"TransposeStore\"/>: the partial sums of one output row of a block, one accumulator per column.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        string parameters = string.Join(", ", Enumerable.Range(0, columns).Select(j => $"out {type} a{j}"));
        using (w.Block($"private static void LoadTransposed(ref {t} source, nint at, nint outPlane, {parameters})"))
        {
            var loaded = new string[columns];
            for (int k = 0; k < columns; k++)
            {
                loaded[k] = $"e{k}";
                string load = halves == 1
                    ? $"{Vector}.LoadUnsafe(ref source, (nuint)(at + {k} * outPlane))"
                    : $"{Vector}.Create(Vector256.LoadUnsafe(ref source, (nuint)(at + {k} * outPlane)), Vector256.LoadUnsafe(ref source, (nuint)(at + {k + columns} * outPlane)))";
                w.Line($"{type} e{k} = {load};");
            }

            string[] current = WriteSwapRounds(w, plan, loaded);
            for (int j = 0; j < columns; j++)
            {
                w.Line($"a{j} = {current[j]};");
            }
        }
    }

    /// <summary>
    /// Writes three rounds of two-source permutes over 8 vectors; round r swaps bit r of the vector index with bit r of
    /// the lane index. Returns the names of the results.
    /// </summary>
    private static string[] WriteSwapRounds(SourceWriter w, KernelPlan plan, string[] inputs)
    {
        string type = $"{Vector}<{plan.T}>";
        string permute = plan.ElementBytes == 4 ? "Avx512F.PermuteVar16x32x2" : "Avx512F.PermuteVar8x64x2";
        string[] current = inputs, names = ["b", "c", "d"];
        for (int round = 0; round < 3; round++)
        {
            int bit = 1 << round;
            var next = new string[current.Length];
            for (int v = 0; v < current.Length; v++)
            {
                if ((v & bit) != 0)
                {
                    continue;
                }

                string low = current[v], high = current[v | bit];
                next[v] = $"{names[round]}{v}";
                next[v | bit] = $"{names[round]}{v | bit}";
                w.Line($"{type} {next[v]} = {permute}({low}, SwapLow{round}, {high});");
                w.Line($"{type} {next[v | bit]} = {permute}({low}, SwapHigh{round}, {high});");
            }

            current = next;
        }

        return current;
    }

    // The permute indices of round r: lanes with bit r clear keep the first vector's lane, those with it set take the
    // second vector's lane with bit r cleared (SwapLow); SwapHigh is its mirror. Index n + lanes names lane n of the second.
    private static void WriteSwapIndices(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        string index = Literals.IndexType(plan);
        for (int round = 0; round < 3; round++)
        {
            int bit = 1 << round;
            IEnumerable<int> low = Enumerable.Range(0, lanes.Lanes).Select(i => (i & bit) == 0 ? i : (i ^ bit) + lanes.Lanes);
            IEnumerable<int> high = Enumerable.Range(0, lanes.Lanes).Select(i => (i & bit) == 0 ? i | bit : i + lanes.Lanes);
            w.Line();
            w.Line($"private static Vector512<{index}> SwapLow{round} => Vector512.Create({Literals.Indices(plan, low)});");
            w.Line();
            w.Line($"private static Vector512<{index}> SwapHigh{round} => Vector512.Create({Literals.Indices(plan, high)});");
        }
    }
}
