using KernelGen.Generators.Helpers;
using KernelGen.Generators.Model;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes the innermost loop of a kernel: one output row, columns <c>[xFrom, xTo)</c>, of a block of output
/// channels, at one <see cref="SimdWidth"/>. Each loaded input vector feeds every accumulator of the block. An
/// interior row reads every kernel row unchecked; a border row skips the kernel rows that fall in the padding.
/// </summary>
internal static class RowEmitter
{
    private static string HoistedWeight(int k, int index) => $"weight{k}_{index}";

    private static string Accumulator(int k, int r, int rows) => rows == 1 ? $"acc{k}" : $"acc{k}_{r}";

    /// <summary>
    /// Writes one pass the plan lists. An interior or border pass covers columns [xFrom, xTo) of its rows. A pass
    /// serving the row ends (generic over <see cref="ColumnTypeArguments.Parameter"/>) also writes the vector at the
    /// left end (outputs [0, lanes)) or right end (the last lanes outputs) of its rows, of any kind: the border
    /// outputs whose window reaches into the left or right padding. There a tap whose columns reach into the padding
    /// loads the vector at that end of the input row and shifts its lanes into place, zeros coming in for the padding;
    /// the other taps load as in the interior. Every lane is exact (the window reach is at most a vector and the row
    /// at least two vectors plus the reach wide). Input rows outside the input are skipped, so the ends of interior
    /// and border rows take the same copy.
    /// </summary>
    public static void Emit(SourceWriter w, KernelPlan plan, RowPass pass)
    {
        SimdWidth width = SimdWidth.For(pass.Width);
        bool guarded = pass.Guarded;
        int block = pass.Block, rows = pass.Rows;
        bool ends = pass.ServesEnds;
        TapLayout layout = RowTiling.LayoutOf(plan, pass.Width, guarded, rows);
        string type = width.Type(plan);
        int lanes = width.Lanes(plan);
        string what = pass.AllRows ? "interior or border rows, skipping kernel rows in the padding"
            : guarded ? "skipping kernel rows in the padding" : "every kernel row inside the input";
        string how = width.IsScalar ? "one column at a time" : $"{lanes} columns at a time";
        string outputRows = rows == 1 ? "Output row <paramref name=\"y\"/>" : $"Output rows <paramref name=\"y\"/> to y + {rows - 1}";
        string name = pass.Name;
        if (ends)
        {
            what += $"; or, as {ColumnTypeArguments.Parameter} says, the vector at the left or right end, the input's first or last {lanes} columns shifted into place with zeros for the padding";
        }

        if (pass.TakesRowCount)
        {
            outputRows += " (the first <paramref name=\"rowCount\"/> of them stored)";
        }

        if (pass.LoopsRows)
        {
            outputRows = "Output rows <paramref name=\"y\"/> to y + <paramref name=\"rowCount\"/> − 1, one after the other";
        }

        w.Line($"/// <summary>{outputRows}, columns [xFrom, xTo), of {Channels(block)} from <paramref name=\"o\"/>, {how}; {what}.</summary>");
        string rowCount = pass.TakesRowCount || pass.LoopsRows ? " int rowCount," : "";
        (string typeParameters, string constraint) = ColumnTypeArguments.Of(ends);
        using (w.Block($"private static int {name}{typeParameters}({KernelClassEmitter.SpanParameters(plan)}, in KernelLayout layout, int o, int c0, int y,{rowCount} int xFrom, int xTo){constraint}"))
        {
            w.Line($"ref {plan.T} inputRef = ref MemoryMarshal.GetReference(input);");
            bool literalWeights = plan.UsesLiteralWeights && layout == TapLayout.Unrolled;
            if (plan.IsConvolution && !literalWeights)
            {
                w.Line($"ref {plan.T} weightRef = ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), o * WeightsPerOutput);");
            }

            w.Line($"ref {plan.T} outputRef = ref MemoryMarshal.GetReference(output);");
            PassLocals.WriteGeometry(w);
            w.Line("nint rowStart = c0 * plane + (nint)top * width - layout.PadLeft; // an offset only: never turned into a ref outside the input");
            w.Line("nint outStart = o * outPlane + (nint)y * layout.OutWidth;");
            if (layout == TapLayout.Unrolled)
            {
                foreach (int distance in InputRows(plan, rows).Where(q => q > 0))
                {
                    w.Line(distance == 1 ? "nint row1 = width;" : $"nint row{distance} = (nint){distance} * width;");
                }

                if (guarded)
                {
                    foreach (int distance in InputRows(plan, rows))
                    {
                        w.Line($"bool inside{distance} = (uint)(top + {distance}) < (uint)layout.Height;");
                    }
                }
            }

            w.Lines(WindowOperation.RowSetup(plan, width, block, guarded));
            if (ends)
            {
                WindowOperation.WriteEndDivisors(w, plan, width, guarded);
            }

            bool hoisted = RowTiling.HoistsWeights(plan, pass.Width, layout, block, rows);
            if (hoisted)
            {
                for (int k = 0; k < block; k++)
                {
                    foreach (Tap tap in plan.Taps)
                    {
                        w.Line($"{type} {HoistedWeight(k, tap.WeightIndex)} = {width.Broadcast(Weight(k, "weightRef", tap.WeightIndex.ToString()))};");
                    }
                }
            }

            w.Line();
            using (w.BlockIf(pass.LoopsRows, "for (int r = 0; r < rowCount; r++, rowStart += (nint)StrideHeight * width, outStart += layout.OutWidth)"))
            using (VectorLoop.Open(w, width, lanes, "x", "xFrom", "xTo"))
            {

                w.Line("nint at = rowStart + (nint)x * StrideWidth;");
                for (int k = 0; k < block; k++)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        w.Line($"{type} {Accumulator(k, r, rows)} = {WindowOperation.Initial(plan, width)};");
                    }
                }

                bool channelLoop = plan.ChannelsPerGroup > 1;
                using (w.BlockIf(channelLoop, "for (int c = 0; c < ChannelsPerGroup; c++, at += plane)"))
                {
                    if (plan.IsConvolution && !literalWeights && !hoisted)
                    {
                        w.Line(channelLoop
                            ? $"ref {plan.T} channelWeights = ref Unsafe.Add(ref weightRef, c * TapsPerChannel);"
                            : $"ref {plan.T} channelWeights = ref weightRef;");
                    }

                    bool stridedPool = layout == TapLayout.Unrolled && !guarded && !ends && RowTiling.IsShuffledStridedPool(plan, pass.Width);
                    if (stridedPool)
                    {
                        WriteStridedPoolTaps(w, plan, width, rows);
                    }
                    else
                    {
                        bool loadsPerInputRow = layout != TapLayout.Unrolled && rows > 1 && RowTiling.SharesInputRows(plan); // declares its own
                        if (!loadsPerInputRow && (!literalWeights || plan.UniformWindow!.Any(weight => weight != 0)))
                        {
                            w.Line($"{type} v;");
                        }

                        WriteTaps(w, plan, width, layout, guarded, block, rows, ends, hoisted, pass.TakesRowCount);
                    }
                }

                w.Line();
                for (int k = 0; k < block; k++)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        w.Lines(WindowOperation.Finish(plan, width, Accumulator(k, r, rows), k));
                    }
                }

                if (pass.TakesRowCount)
                {
                    // Row by row, the rows past the count left unstored.
                    for (int r = 0; r < rows; r++)
                    {
                        using (w.BlockIf(r > 0, $"if (rowCount > {r})"))
                        {
                            for (int k = 0; k < block; k++)
                            {
                                w.Line(width.Store(Accumulator(k, r, rows), "outputRef", OutputOffset(k, r)));
                            }
                        }
                    }
                }
                else
                {
                    for (int k = 0; k < block; k++)
                    {
                        for (int r = 0; r < rows; r++)
                        {
                            w.Line(width.Store(Accumulator(k, r, rows), "outputRef", OutputOffset(k, r)));
                        }
                    }
                }
            }

            w.Line();
            w.Line("return xTo;");
        }
    }

    private static string OutputOffset(int k, int r)
    {
        string channel = k == 0 ? "" : k == 1 ? " + outPlane" : $" + {k} * outPlane";
        string row = r == 0 ? "" : r == 1 ? " + layout.OutWidth" : $" + {r} * layout.OutWidth";
        return $"outStart{channel}{row} + x";
    }

    // The distinct input-row distances from the first output row's window top that a block of rows reads.
    private static IEnumerable<int> InputRows(KernelPlan plan, int rows)
        => Enumerable.Range(0, rows)
            .SelectMany(r => Enumerable.Range(0, plan.Spec.KernelHeight).Select(i => r * plan.Spec.StrideHeight + i * plan.Spec.Dilation))
            .Distinct()
            .OrderBy(q => q);

    private static void WriteTaps(SourceWriter w, KernelPlan plan, SimdWidth width, TapLayout layout, bool guarded, int block, int rows, bool ends, bool hoisted, bool counted)
    {
        if (layout == TapLayout.Unrolled)
        {
            // Input row by input row: each vector loaded is used by every (output row, kernel row) pair that reads it.
            foreach (int distance in InputRows(plan, rows))
            {
                var users = Enumerable.Range(0, rows)
                    .SelectMany(r => Enumerable.Range(0, plan.Spec.KernelHeight).Select(i => (Row: r, KernelRow: i)))
                    .Where(u => u.Row * plan.Spec.StrideHeight + u.KernelRow * plan.Spec.Dilation == distance)
                    .ToList();
                string rowOffset = distance == 0 ? "" : $" + row{distance}";
                w.Line(rows == 1 ? $"// kernel row {users[0].KernelRow}" : $"// input row {distance}: " +
                    string.Join(", ", users.Select(u => $"kernel row {u.KernelRow} of output row {u.Row}")));
                using (w.BlockIf(guarded, $"if (inside{distance})"))
                {
                    for (int j = 0; j < plan.Spec.KernelWidth; j++)
                    {
                        var taps = users.Select(u => (u.Row, Tap: plan.Taps[u.KernelRow * plan.Spec.KernelWidth + j]))
                            .Where(t => !plan.UsesLiteralWeights || plan.UniformWindow![t.Tap.WeightIndex] != 0)
                            .ToList();
                        if (taps.Count == 0)
                        {
                            continue; // a zero tap costs nothing: no load, no multiply
                        }

                        ColumnLoad load = LoadAt(plan, width, ends, $"at{rowOffset}", taps[0].Tap.ColumnOffset);
                        using (w.BlockIf(load.OnlyWhere is not null, load.Test))
                        {
                            load.WriteTo(w, "v");
                            foreach ((int row, Tap tap) in taps)
                            {
                                for (int k = 0; k < block; k++)
                                {
                                    string accumulator = Accumulator(k, row, rows);
                                    w.Line(plan.UsesLiteralWeights
                                        ? WindowOperation.AccumulateConstant(plan, width, accumulator, "v", plan.UniformWindow![tap.WeightIndex])
                                        : hoisted
                                            ? WindowOperation.AccumulateBroadcast(width, accumulator, "v", HoistedWeight(k, tap.WeightIndex))
                                            : WindowOperation.Accumulate(plan, width, accumulator, "v", plan.IsConvolution ? Weight(k, "channelWeights", tap.WeightIndex.ToString()) : null));
                                }
                            }
                        }
                    }
                }
            }

            return;
        }

        if (rows > 1 && RowTiling.SharesInputRows(plan))
        {
            WriteInputRowLoop(w, plan, width, guarded, block, rows, ends, counted);
            return;
        }

        // Kernel rows looped, each row unrolled unless it is too wide too.
        using (w.Block("for (int i = 0; i < KernelHeight; i++)"))
        {
            if (guarded && rows == 1)
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
                // Output row by output row (windows of a block's rows share no input row here).
                for (int r = 0; r < rows; r++)
                {
                    string line = r == 0 ? "row" : $"row + (nint){r * plan.Spec.StrideHeight} * width";
                    if (rows > 1)
                    {
                        w.Line($"// output row {r}");
                    }

                    string rowTop = r == 0 ? "top" : $"top + {r * plan.Spec.StrideHeight}";
                    using (w.BlockIf(guarded && rows > 1, $"if ({CountedRow(counted, r)}(uint)({rowTop} + i * Dilation) < (uint)layout.Height)"))
                    {
                        for (int j = 0; j < plan.Spec.KernelWidth; j++)
                        {
                            ColumnLoad load = LoadAt(plan, width, ends, line, j * plan.Spec.Dilation);
                            using (w.BlockIf(load.OnlyWhere is not null, load.Test))
                            {
                                load.WriteTo(w, "v");
                                WriteAccumulates(w, plan, width, block, r, rows, "rowWeights", plan.WeightColumn(j).ToString());
                            }
                        }
                    }
                }
            }
            else
            {
                using (w.Block("for (int j = 0; j < KernelWidth; j++)"))
                {
                    w.Line($"v = {width.Load(plan, "inputRef", "row + j * Dilation")};");
                    WriteAccumulates(w, plan, width, block, 0, 1, "rowWeights", plan.Spec.Flip ? "(KernelWidth - 1 - j)" : "j");
                }
            }
        }
    }

    /// <summary>
    /// The taps of a block of rows with the kernel rows looped: input row by input row of the block's footprint, each
    /// vector loaded once (strided loads are costly) and fed to every output row whose window covers that input row,
    /// with the weights of the kernel row it is there. When a row's vectors fit in registers beside the accumulators
    /// they are loaded first and each output row then takes them in one block; otherwise each vector in turn goes to
    /// the output rows that use it. A border pass skips the input rows outside the input, as the unrolled window does.
    /// </summary>
    private static void WriteInputRowLoop(SourceWriter w, KernelPlan plan, SimdWidth width, bool guarded, int block, int rows, bool ends, bool counted)
    {
        KernelSpec s = plan.Spec;
        string type = width.Type(plan);
        bool holdsRow = RowTiling.HoldsInputRow(plan, width.Width, block, rows);
        using (w.Block($"for (int d = 0; d < {RowTiling.InputRowsOf(plan, rows)}; d++)"))
        {
            if (guarded)
            {
                using (w.Block("if ((uint)(top + d) >= (uint)layout.Height)"))
                {
                    w.Line("continue; // this input row is in the padding");
                }

                w.Line();
            }

            w.Line("nint row = at + (nint)d * width;");
            // Output row r reads input row d at kernel row (d − r·stride) / dilation, when that is a whole kernel row.
            for (int r = 0; r < rows; r++)
            {
                string i = r == 0 ? "d" : $"d - {r * s.StrideHeight}";
                string kernelRow = s.Dilation == 1 ? $"({i})" : $"(({i}) / Dilation)";
                w.Line(s.Dilation == 1
                    ? $"bool covers{r} = {CountedRow(counted, r)}(uint)({i}) < (uint)KernelHeight;"
                    : $"bool covers{r} = {CountedRow(counted, r)}(uint)({i}) < (uint)(KernelHeight * Dilation) && ({i}) % Dilation == 0;");
                w.Line($"nint rowWeights{r} = (nint){(s.Flip ? $"(KernelHeight - 1 - {kernelRow})" : kernelRow)} * KernelWidth; // an offset only: used where covers{r}");
            }

            // A column reading only padding in some copy is left out of it (its vector is zero there, and unused).
            ColumnLoad[] loads = [.. Enumerable.Range(0, s.KernelWidth).Select(j => LoadAt(plan, width, ends, "row", j * s.Dilation))];
            if (holdsRow)
            {
                for (int j = 0; j < loads.Length; j++)
                {
                    if (loads[j].VariesByCopy)
                    {
                        w.Line($"{type} v{j};");
                        loads[j].WriteTo(w, $"v{j}");
                    }
                    else
                    {
                        w.Line($"{type} v{j} = {loads[j].Interior};");
                    }
                }
            }
            else
            {
                w.Line($"{type} v;");
            }

            foreach (int[] group in holdsRow ? [[.. Enumerable.Range(0, loads.Length)]] : Enumerable.Range(0, loads.Length).Select(j => new[] { j }))
            {
                using (w.BlockIf(!holdsRow && loads[group[0]].OnlyWhere is not null, loads[group[0]].Test))
                {
                    if (!holdsRow)
                    {
                        loads[group[0]].WriteTo(w, "v");
                    }

                    for (int r = 0; r < rows; r++)
                    {
                        using (w.Block($"if (covers{r})"))
                        {
                            foreach (int j in group)
                            {
                                using (w.BlockIf(holdsRow && loads[j].OnlyWhere is not null, loads[j].Test))
                                {
                                    WriteAccumulates(w, plan, width, block, r, rows, "channelWeights", $"rowWeights{r} + {plan.WeightColumn(j)}", holdsRow ? $"v{j}" : "v");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The taps of a strided pool (max or sum, both order-free). Whole vectors are loaded, and each window column's
    /// lanes shuffled out of them (columns j with the same j − j mod stride share their loads). Either, per output row
    /// and group of window columns, the kernel rows are combined first, lane by lane, on the loaded vectors, and each
    /// column's lanes shuffled out once; or (<see cref="StridedPoolLoads.FoldsRowsFirst"/>) each input row of the
    /// block is folded across the window columns once and then into every output row whose window covers it. Either
    /// way no input vector is loaded twice for one output row, where a strided load per tap would load and shuffle
    /// every vector again for every tap.
    /// </summary>
    private static void WriteStridedPoolTaps(SourceWriter w, KernelPlan plan, SimdWidth width, int rows)
    {
        int lanes = width.Lanes(plan);
        string type = width.Type(plan);
        var groups = StridedPoolLoads.Groups(plan.Spec.KernelWidth, plan.Spec.StrideWidth, lanes);
        w.Line($"{type} {string.Join(", ", Enumerable.Range(0, groups.Max(g => g.Parts)).Select(p => $"part{p}"))};");
        if (StridedPoolLoads.FoldsRowsFirst(plan, width.Width, rows))
        {
            WriteStridedPoolRowsFirst(w, plan, width, rows, groups);
            return;
        }

        // A max starts from its first window column (the maximum of −∞ and x is x, NaN included); a sum keeps its
        // zero start, so that a window of negative zeros sums to +0 as the reference's does.
        bool max = plan.Spec.Operation == KernelOperation.MaxPool;
        for (int r = 0; r < rows; r++)
        {
            string accumulator = Accumulator(0, r, rows);
            bool opens = max;
            foreach ((int start, int[] columns, int parts) in groups)
            {
                w.Line($"// output row {r}, window column{(columns.Length > 1 ? "s" : "")} {string.Join(", ", columns)}: kernel rows combined, then each column's lanes shuffled out");
                for (int p = 0; p < parts; p++)
                {
                    for (int i = 0; i < plan.Spec.KernelHeight; i++)
                    {
                        string load = PartLoad(width, r * plan.Spec.StrideHeight + i * plan.Spec.Dilation, start + p * lanes);
                        w.Line(i == 0 ? $"part{p} = {load};" : WindowOperation.Accumulate(plan, width, $"part{p}", load, null));
                    }
                }

                foreach (int j in columns)
                {
                    string lanesOfColumn = ColumnLanes(plan, width, j - start, parts);
                    w.Line(opens ? $"{accumulator} = {lanesOfColumn};" : WindowOperation.Accumulate(plan, width, accumulator, lanesOfColumn, null));
                    opens = false;
                }
            }
        }
    }

    /// <summary>
    /// The rows-first form of <see cref="WriteStridedPoolTaps"/>: input row by input row, its window columns folded
    /// into <c>rowFold</c>, which then goes into every output row whose window covers that input row (the first such
    /// input row sets the output row's accumulator).
    /// </summary>
    private static void WriteStridedPoolRowsFirst(SourceWriter w, KernelPlan plan, SimdWidth width, int rows, List<(int Start, int[] Columns, int Parts)> groups)
    {
        KernelSpec s = plan.Spec;
        int lanes = width.Lanes(plan);
        w.Line($"{width.Type(plan)} rowFold;");
        for (int distance = 0; distance < RowTiling.InputRowsOf(plan, rows); distance++)
        {
            int[] covered = [.. Enumerable.Range(0, rows).Where(r => distance >= r * s.StrideHeight && distance < r * s.StrideHeight + s.KernelHeight)];
            w.Line($"// input row {distance}: its window columns folded, then into output row{(covered.Length > 1 ? "s" : "")} {string.Join(", ", covered)}");
            bool first = true;
            foreach ((int start, int[] columns, int parts) in groups)
            {
                for (int p = 0; p < parts; p++)
                {
                    w.Line($"part{p} = {PartLoad(width, distance, start + p * lanes)};");
                }

                foreach (int j in columns)
                {
                    string lanesOfColumn = ColumnLanes(plan, width, j - start, parts);
                    w.Line(first ? $"rowFold = {lanesOfColumn};" : WindowOperation.Accumulate(plan, width, "rowFold", lanesOfColumn, null));
                    first = false;
                }
            }

            foreach (int r in covered)
            {
                bool opens = distance == r * s.StrideHeight; // the output row's first kernel row
                w.Line(opens ? $"{Accumulator(0, r, rows)} = rowFold;" : WindowOperation.Accumulate(plan, width, Accumulator(0, r, rows), "rowFold", null));
            }
        }
    }

    /// <summary>The load of one whole vector at <paramref name="column"/> of the input row <paramref name="distance"/> rows below the block's first window row.</summary>
    private static string PartLoad(SimdWidth width, int distance, int column)
        => $"{width.Vector}.LoadUnsafe(ref inputRef, (nuint)(at{(distance == 0 ? "" : $" + row{distance}")}{(column == 0 ? "" : $" + {column}")}))";

    /// <summary>
    /// The lanes of the window column at <paramref name="phase"/> past its group's start, out of the group's loaded
    /// vectors <c>part0</c>…: lane k takes element phase + k·stride of them.
    /// </summary>
    private static string ColumnLanes(KernelPlan plan, SimdWidth width, int phase, int parts)
    {
        (string[] shuffles, (int First, string Indices)? pair) = width.StridedLanes(plan, p => $"part{p}", phase, parts);
        string portable = shuffles.Length == 1 ? shuffles[0] : $"({string.Join(" | ", shuffles)})";
        if (pair is not { } two)
        {
            return portable;
        }

        // Two consecutive vectors: one two-source permute where AVX-512 has it, else a shuffle of each or-ed together.
        (string isSupported, string permute) = width.TwoSourcePermute(plan);
        return $"({isSupported} ? {permute}(part{two.First}, {width.Vector}.Create({two.Indices}), part{two.First + 1}) : {portable})";
    }

    private static void WriteAccumulates(SourceWriter w, KernelPlan plan, SimdWidth width, int block, int row, int rows, string weights, string index, string value = "v")
    {
        for (int k = 0; k < block; k++)
        {
            w.Line(WindowOperation.Accumulate(plan, width, Accumulator(k, row, rows), value, plan.IsConvolution ? Weight(k, weights, index) : null));
        }
    }

    /// <summary>
    /// The load of a window column in each copy of a pass, and the test under which its taps run (null: always). In a
    /// pass serving the row ends, the left and right end copies take their shifted vector where the column reaches
    /// into the padding, and skip the column where it reads only padding (loading zero there).
    /// </summary>
    private readonly record struct ColumnLoad(string Interior, string Left, string Right, bool AbsentLeft, bool AbsentRight)
    {
        public bool VariesByCopy => Left != Interior || Right != Interior;

        public void WriteTo(SourceWriter w, string target) => ColumnTypeArguments.WriteAssignment(w, target, Interior, Left, Right);

        public string? OnlyWhere => ColumnTypeArguments.OnlyWhere(AbsentLeft, AbsentRight);

        public string Test => $"if ({OnlyWhere}) // {ColumnTypeArguments.PaddingNote(AbsentLeft, AbsentRight)}";
    }

    // Window column offset `offset` of an input row (`line`, an offset with the column x − PadLeft in it).
    private static ColumnLoad LoadAt(KernelPlan plan, SimdWidth width, bool ends, string line, int offset)
    {
        string interior = width.Load(plan, "inputRef", offset == 0 ? line : $"{line} + {offset}");
        if (!ends)
        {
            return new ColumnLoad(interior, interior, interior, false, false);
        }

        string? left = EdgeLoad(plan, width, left: true, offset, line), right = EdgeLoad(plan, width, left: false, offset, line);
        string zero = $"{width.Type(plan)}.Zero";
        return new ColumnLoad(interior, left ?? zero, right ?? zero, left is null, right is null);
    }

    // The test a row past the count of a counted block fails first: those rows are neither computed nor stored.
    private static string CountedRow(bool counted, int r) => counted && r > 0 ? $"rowCount > {r} && " : "";

    private static string Weight(int k, string weights, string index)
        => $"Unsafe.Add(ref {weights}, {(k == 0 ? index : $"{k} * WeightsPerOutput + {index}")})";

    /// <summary>
    /// The load of window column offset <paramref name="offset"/> for the vector at the left end (x = 0) or the right
    /// end (x = OutWidth − lanes) of a row, from input row <paramref name="row"/> (an offset with the column x − PadLeft
    /// in it, as the interior's); <c>inputRef</c>, <c>width</c> and <c>x</c> must be in scope. Null when the tap reads
    /// only padding. Lane l of the end vector needs input column (x + l) + offset − PadLeft of the input row starting
    /// at <paramref name="row"/> + PadLeft − x. A tap whose columns all lie inside the input loads them as the
    /// interior does; one reaching into the padding takes the first (left) or last (right) vector of the input row,
    /// lane l taking its lane l + shift: out of range, that is padding and reads zero.
    /// </summary>
    public static string? EdgeLoad(KernelPlan plan, SimdWidth width, bool left, int offset, string row)
    {
        int lanes = width.Lanes(plan), pad = plan.ConstantPadLeft!.Value;
        int outputOverhang = plan.Spec.Padding == Model.PaddingMode.Full ? plan.ColumnReach : 0; // OutWidth − Width
        int shift = left ? offset - pad : outputOverhang + offset - pad;
        if (shift <= -lanes || shift >= lanes)
        {
            return null;
        }

        if (left ? shift >= 0 : shift <= 0)
        {
            return width.Load(plan, "inputRef", offset == 0 ? row : $"{row} + {offset}");
        }

        string start = left ? $"{row} + {pad}" : $"{row} + {pad} - x + width - {lanes}";
        string vector = $"{width.Vector}.LoadUnsafe(ref inputRef, (nuint)({start}))";
        // A lane in the padding reads zero, or for a max pool the row's end column (clamped), which its window holds too.
        bool clamps = plan.Spec.Operation == Model.KernelOperation.MaxPool;
        IEnumerable<int> indices = Enumerable.Range(0, lanes).Select(l => l + shift >= 0 && l + shift < lanes ? l + shift : clamps ? Math.Max(0, Math.Min(lanes - 1, l + shift)) : -1);
        return $"{width.Vector}.Shuffle({vector}, {width.Vector}.Create({Literals.Indices(plan, indices)}))";
    }

    private static string Channels(int block) => block == 1 ? "one output channel" : $"{block} output channels";
}
