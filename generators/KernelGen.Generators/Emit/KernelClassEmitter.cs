using KernelGen.Generators.Helpers;
using KernelGen.Generators.Model;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes the file-local class that holds one kernel: its named constants, the entry point (argument checks, then
/// channel groups and blocks), the per-row dispatch over vector widths, the row loops, and the border outputs.
/// The same skeleton serves every kernel kind; the plan and <see cref="WindowOperation"/> say what differs.
/// </summary>
internal static class KernelClassEmitter
{
    public static string SpanParameters(KernelPlan plan) => plan.IsConvolution
        ? $"ReadOnlySpan<{plan.T}> input, ReadOnlySpan<{plan.T}> weights, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output"
        : $"ReadOnlySpan<{plan.T}> input, Span<{plan.T}> output";

    /// <summary>Declares <paramref name="name"/>, the layout of a <paramref name="height"/> × <paramref name="width"/> map with <paramref name="extents"/>, and the plan's reaches.</summary>
    public static void WriteLayout(SourceWriter w, KernelPlan plan, string name, string height, string width, string extents)
    {
        w.Line($"KernelLayout {name} = KernelLayout.Create({height}, {width}, {extents}, StrideHeight, StrideWidth,");
        w.Line($"    rowReach: {plan.RowReach}, columnReach: {plan.ColumnReach}, vectorOverRead: {plan.VectorOverRead});");
    }

    public static string SpanArguments(KernelPlan plan) => plan.IsConvolution ? "input, weights, bias, output" : "input, output";

    public static void Emit(SourceWriter w, KernelPlan plan, string generatorVersion)
    {
        w.Lines(Summary(plan));

        w.Line($"[GeneratedCode(\"KernelGen.Generators\", \"{generatorVersion}\")]");
        using (w.Block($"file static class {plan.ClassName}"))
        {
            WriteConstants(w, plan);
            w.Line();
            WriteRun(w, plan);
            if (plan.Separable is not null)
            {
                w.Line();
                SeparableEmitter.WriteMethods(w, plan);
                return; // the scope closes the class
            }

            foreach (ChannelLanes lanes in plan.LanePaths)
            {
                w.Line();
                ChannelLaneEmitter.WritePath(w, plan, lanes);
            }

            RowPasses passes = RowPasses.For(plan);
            foreach (int block in plan.BlockSizes)
            {
                w.Line();
                WriteOutputRows(w, plan, passes, block);
                w.Line();
                WriteRowEnds(w, plan, passes, block);
            }

            foreach (RowPass pass in passes.All)
            {
                w.Line();
                RowEmitter.Emit(w, plan, pass);
            }

            w.Line();
            WriteBorders(w, plan);
            if (plan.HasWholePlanes)
            {
                w.Line();
                WholePlaneEmitter.WriteMethod(w, plan);
            }

            if (plan.HasSmallPlanes)
            {
                w.Line();
                SmallPlaneEmitter.WriteMethods(w, plan);
            }

            if (plan.HasDepthwiseLanes)
            {
                w.Line();
                DepthwiseLaneEmitter.WriteMethods(w, plan);
            }

            if (plan.Spec.StrideWidth > 1)
            {
                foreach (SimdWidth width in SimdWidth.Vectors)
                {
                    w.Line();
                    WriteStridedLoad(w, plan, width);
                }
            }
        }
    }

    private static IEnumerable<string> Summary(KernelPlan plan)
    {
        KernelSpec s = plan.Spec;
        string window = s.Is2D ? $"{s.KernelHeight} × {s.KernelWidth}" : $"{s.KernelWidth}-tap";
        string stride = s.StrideHeight == s.StrideWidth ? $"stride {s.StrideWidth}" : $"stride {s.StrideHeight} × {s.StrideWidth}";
        string what = s.Operation switch
        {
            KernelOperation.Convolution => $"{window} {(s.Flip ? "convolution (flipped window)" : "cross-correlation")}, " +
                $"Padding.{s.Padding}, {stride}, dilation {s.Dilation}, {s.InChannels} → {s.OutChannels} channels" +
                (s.Groups > 1 ? $" in {s.Groups} groups" : "") + (s.HasBias ? ", plus bias" : "") + (s.Relu ? ", then ReLU" : ""),
            KernelOperation.MaxPool => $"{window} max pool, Padding.{s.Padding}, {stride}, {s.InChannels} channel(s)",
            _ => $"{window} average pool, Padding.{s.Padding}, {stride}, {s.InChannels} channel(s)",
        };
        string cost = plan.IsConvolution
            ? $"{plan.WeightsPerOutput} multiply-adds per output"
            : $"{plan.TapsPerChannel} {(s.Operation == KernelOperation.MaxPool ? "comparisons" : "additions")} per output";
        string layout = plan.Layout switch
        {
            TapLayout.Unrolled when RowTiling.LoopsKernelRows(plan) => "Each window row is unrolled, the input rows a block of output rows reads looped (once per input channel)",
            TapLayout.Unrolled => "The whole window is unrolled",
            TapLayout.RowsLooped => "Window rows are looped, each row unrolled",
            _ => "Window rows and columns are looped (the window is too large to unroll)",
        };
        yield return "/// <summary>";
        yield return $"/// [{s.AttributeName}] on {s.Method.Name}: {what}, {plan.T}; {cost}.";
        if (plan.LanePaths.Any())
        {
            string blocks = string.Join("; ", plan.LanePaths.Select(lanes =>
                $"{(lanes.Width == VectorWidth.V512 ? "with AVX-512" : "at 256 bits")}, blocks of {lanes.Rows} × {lanes.Columns}{(lanes.HasSevenWide ? $" (or × {ChannelLanes.SevenColumns})" : "")} outputs of {lanes.BlockChannels}"));
            yield return $"/// {layout}. Output channels one per vector lane, {blocks};";
            yield return "/// otherwise (and for the few shapes the blocks leave) rows are vectorized with Vector256 or Vector128, with a scalar path.";
        }
        else
        {
            yield return $"/// {layout}; rows are vectorized with Vector512, Vector256 or Vector128 as the hardware allows, with a scalar path.";
        }

        if (plan.HasDepthwiseLanes)
        {
            yield return $"/// With AVX-512, rows of {DepthwiseLaneEmitter.MinOutWidth} or {DepthwiseLaneEmitter.Columns} outputs take channels one per vector lane, over a transposed tile of each block's planes.";
        }
        yield return "/// </summary>";
    }

    private static void WriteConstants(SourceWriter w, KernelPlan plan)
    {
        KernelSpec s = plan.Spec;
        w.Line($"private const int KernelHeight = {s.KernelHeight}, KernelWidth = {s.KernelWidth};");
        w.Line($"private const int StrideHeight = {s.StrideHeight}, StrideWidth = {s.StrideWidth}, Dilation = {s.Dilation};");
        w.Line($"private const int Groups = {plan.GroupCount}, ChannelsPerGroup = {plan.ChannelsPerGroup}, OutputsPerGroup = {plan.OutputsPerGroup};");
        w.Line($"private const int TapsPerChannel = {plan.TapsPerChannel};");
        if (plan.IsConvolution)
        {
            w.Line($"private const int WeightsPerOutput = {plan.WeightsPerOutput};");
            w.Line($"private const bool Flip = {(s.Flip ? "true" : "false")};");
            if (plan.ChannelLanes is { } channelLanes)
            {
                ChannelLaneEmitter.WriteConstants(w, channelLanes);
            }
            if (plan.Separable is not null)
            {
                w.Line($"private const int Strip = {KernelPlan.SeparableStrip}; // output columns per pass");
                w.Line($"private const int StripRows = {KernelPlan.SeparableRowBlock}; // interior output rows per column pass");
                int lanes = plan.ElementsPer64Bytes, reach = (plan.ColumnReach + lanes - 1) / lanes * lanes;
                w.Line($"private const int StripStride = Strip + {reach}; // one intermediate row: the strip's input columns, rounded up to 64 bytes");
            }

            if (s.HasConstantWeights)
            {
                WriteConstantWeights(w, plan);
            }

            w.Line();
            w.Line("private static ConvolutionGeometry Geometry =>");
            w.Line($"    new(KernelHeight, KernelWidth, StrideWidth, Dilation, {s.InChannels}, {s.OutChannels}, Groups, Padding.{s.Padding});");
        }
        else
        {
            w.Line();
            w.Line("private static PoolingGeometry Geometry =>");
            w.Line($"    new(KernelHeight, KernelWidth, StrideHeight, StrideWidth, Groups, Padding.{s.Padding});");
        }
    }

    private static void WriteConstantWeights(SourceWriter w, KernelPlan plan)
    {
        KernelSpec s = plan.Spec;
        w.Line();
        w.Line($"/// <summary>The weights from the attribute, [{s.OutChannels}, {plan.ChannelsPerGroup}, {s.KernelHeight}, {s.KernelWidth}], as {plan.T}; stored in the assembly's data, not allocated.</summary>");
        w.Line($"private static ReadOnlySpan<{plan.T}> ConstantWeights =>");
        w.Line("[");
        int perLine = s.KernelWidth is > 1 and <= 16 ? s.KernelWidth : 16;
        for (int start = 0; start < s.ConstantWeights.Count; start += perLine)
        {
            IEnumerable<string> values = s.ConstantWeights.Skip(start).Take(perLine).Select(v => Planning.ConstantKernel.Literal(v, s.Element));
            w.Line("    " + string.Join(", ", values) + ",");
        }

        w.Line("];");
    }

    private static void WriteRun(SourceWriter w, KernelPlan plan)
    {
        KernelSpec s = plan.Spec;
        string sizes = s.Is2D ? "int height, int width" : "int width";
        string height = s.Is2D ? "height" : "1";
        w.Line("/// <summary>Checks the arguments, then computes every output channel, block by block.</summary>");
        string spans = plan.Spec.HasConstantWeights
            ? $"ReadOnlySpan<{plan.T}> input, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output"
            : plan.Spec.TakesPackedWeights
                ? $"ReadOnlySpan<{plan.T}> input, PackedWeights<{plan.T}> packedWeights, ReadOnlySpan<{plan.T}> bias, Span<{plan.T}> output"
                : SpanParameters(plan);
        using (w.Block($"public static void Run({spans}, {sizes}, in KernelParameterNames names)"))
        {
            if (plan.Spec.HasConstantWeights)
            {
                w.Line($"ReadOnlySpan<{plan.T}> weights = ConstantWeights;");
            }

            if (plan.Spec.TakesPackedWeights)
            {
                w.Line("ArgumentNullException.ThrowIfNull(packedWeights, names.Weights);");
                w.Line(plan.LanePaths.Any()
                    ? $"ReadOnlySpan<{plan.T}> weights = packedWeights.Weights; // as given, for the paths that read them so; the channel-lane blocks read them packed"
                    : $"ReadOnlySpan<{plan.T}> weights = packedWeights.Weights; // every path reads them as given: nothing to pack");
            }

            w.Line(plan.IsConvolution
                ? $"KernelExtents extents = KernelArguments.CheckConvolution(input, weights, bias, output, {height}, width, Geometry, names);"
                : $"KernelExtents extents = KernelArguments.CheckPooling(input, output, {height}, width, Geometry, names);");
            WriteLayout(w, plan, "layout", height, "width", "extents");
            if (plan.HasWholePlanes)
            {
                WholePlaneEmitter.WriteCall(w, plan);
            }

            if (plan.Separable is not null)
            {
                SeparableEmitter.WriteRunLoops(w, plan);
                return; // the scope closes Run
            }

            if (plan.CoversWholeInput)
            {
                using (w.Block($"if ({WholePlaneEmitter.MapIsWindow(plan)})"))
                {
                    w.Line("// The window covers the whole input: one output position per channel, the dot product of its weights with its");
                    w.Line("// group's input, both contiguous and in the same order (a fully connected layer).");
                    w.Line($"KernelDotProducts.MatrixVector({SpanArguments(plan)}, Groups * OutputsPerGroup, WeightsPerOutput, OutputsPerGroup, relu: {(plan.Spec.Relu ? "true" : "false")});");
                    w.Line("return;");
                }

                w.Line();
            }

            if (plan.HasDepthwiseLanes)
            {
                DepthwiseLaneEmitter.WriteCall(w, plan);
            }

            if (plan.HasSmallPlanes)
            {
                SmallPlaneEmitter.WriteCall(w, plan);
            }

            // The lane blocks along the rows, widest first; then, for a map narrower than the blocks or a strided layer, on
            // a padded copy.
            foreach (ChannelLanes lanes in plan.LanePaths.Where(lanes => !lanes.CopiesEveryInput))
            {
                if (plan.ReadsOnlyItsOwnPixel)
                {
                    ChannelLaneEmitter.WriteFlatMapCall(w, plan, lanes);
                }

                if (lanes.HasSevenWide && lanes.ServesEnds)
                {
                    using (w.Block($"if ({ChannelLaneEmitter.SevenWideCondition(lanes)})"))
                    {
                        w.Line("// Blocks of seven columns compute fewer outputs only to drop them; they run on a padded copy (interior blocks only).");
                        w.Line($"{lanes.Qualifier}PaddedCopyLaneBlocks({SpanArguments(plan)}, height, width, layout, extents{ChannelLaneEmitter.PaddedCopyPackedArgument(plan, lanes)});");
                        w.Line("return;");
                    }

                    w.Line();
                }

                using (w.Block($"if ({ChannelLaneEmitter.Condition(lanes)})"))
                {
                    w.Line($"{lanes.Qualifier}LaneBlocks({SpanArguments(plan)}, layout, {ChannelLaneEmitter.PackedArgument(plan, lanes)}{ChannelLaneEmitter.SevenWideArgument(lanes, "layout.OutWidth")});");
                    w.Line("return;");
                }

                w.Line();
            }

            foreach (ChannelLanes lanes in plan.LanePaths)
            {
                using (w.Block($"if ({ChannelLaneEmitter.PaddedCopyCondition(lanes)})"))
                {
                    w.Line($"{lanes.Qualifier}PaddedCopyLaneBlocks({SpanArguments(plan)}, height, width, layout, extents{ChannelLaneEmitter.PaddedCopyPackedArgument(plan, lanes)});");
                    w.Line("return;");
                }

                w.Line();
            }

            // With several channel blocks reading the same input channels: band by band of output rows, every block before
            // the next band, so the input rows a band reads stay in cache for all the blocks. Otherwise each block streams
            // its own input through once, top to bottom.
            bool bands = plan.OutputsPerGroup > plan.ChannelBlock;
            using (w.BlockIf(bands, "for (int y0 = 0; y0 < layout.OutHeight;)"))
            {
                w.Line(bands ? $"int y1 = Math.Min(y0 + {KernelPlan.MaxRowBlock}, layout.OutHeight);" : "int y0 = 0, y1 = layout.OutHeight;");
                using (w.Block("for (int group = 0; group < Groups; group++)"))
                {
                    w.Line("int c0 = group * ChannelsPerGroup;");
                    w.Line("int o = group * OutputsPerGroup;");
                    string call = $"({SpanArguments(plan)}, layout, o, c0, y0, y1);";
                    if (plan.ChannelBlock == plan.OutputsPerGroup)
                    {
                        w.Line($"OutputRows_Block{plan.ChannelBlock}{call}");
                    }
                    else
                    {
                        w.Line("int groupEnd = o + OutputsPerGroup;");
                        using (w.Block($"for (; o + {plan.ChannelBlock} <= groupEnd; o += {plan.ChannelBlock})"))
                        {
                            w.Line($"OutputRows_Block{plan.ChannelBlock}{call}");
                        }

                        if (plan.RemainderBlock > 0)
                        {
                            w.Line();
                            w.Line($"OutputRows_Block{plan.RemainderBlock}{call}");
                        }
                    }
                }

                if (bands)
                {
                    w.Line();
                    w.Line("y0 = y1;");
                }
            }
        }
    }

    private static void WriteOutputRows(SourceWriter w, KernelPlan plan, RowPasses passes, int block)
    {
        string args = $"{SpanArguments(plan)}, layout, o, c0, y";
        w.Line($"/// <summary>Output rows [yFrom, yTo) of {(block == 1 ? "output channel o" : $"output channels o to o + {block - 1}")}: border columns, then the vector interior and the scalar rest.</summary>");
        using (w.Block($"private static void OutputRows_Block{block}({SpanParameters(plan)}, in KernelLayout layout, int o, int c0, int yFrom, int yTo)"))
        {
            w.Line("int vectorColumns = layout.VectorColumnEnd - layout.ColumnStart;");
            using (w.Block("for (int y = yFrom; y < yTo; y++)"))
            {
                WriteRowBlocks(w, plan, passes, block);
                bool splitsRows = plan.HasBorderRows && SimdWidth.RowWidths(plan).Select(v => v.Width).Append(VectorWidth.Scalar)
                    .Any(v => passes.Get(v, block, 1, guarded: false) != passes.Get(v, block, 1, guarded: true));
                if (splitsRows)
                {
                    w.Line("bool interiorRow = y >= layout.RowStart && y < layout.RowEnd;");
                }

                // (A width whose blocks take every row has no single-row pass: the rows come here only on a narrower path.)
                SimdWidth[] singleRowWidths = [.. SimdWidth.RowWidths(plan).Where(v => RowPasses.TakesSingleRows(plan, v.Width, block))];
                bool runs = singleRowWidths.Any(v => passes.Get(v.Width, block, 1, guarded: false).LoopsRows);
                if (runs)
                {
                    // Consecutive interior rows go to the vector passes in one call (their border columns and scalar
                    // rest row by row around it); a border row alone.
                    w.Line(splitsRows
                        ? "int run = interiorRow ? Math.Min(layout.RowEnd, yTo) - y : 1; // the interior rows from here, or this border row"
                        : "int run = yTo - y; // every row is interior");
                }

                // Single rows: their end vectors, then the interior pass over all interior columns, which rewrites the
                // interior lanes the end vectors also wrote (to the same values).
                using (w.BlockIf(runs, "for (int r = y; r < y + run; r++)"))
                {
                    WriteBorderColumnsCall(w, plan, block, runs ? "r" : "y");
                }

                w.Line();
                w.Line("int x = layout.ColumnStart;");
                string keyword = "if";
                foreach (SimdWidth width in singleRowWidths)
                {
                    using (w.Block($"{keyword} ({width.IsAccelerated} && vectorColumns >= {width.Type(plan)}.Count)"))
                    {
                        WriteRowCall(w, plan, passes, width.Width, block, args, "x, layout.VectorColumnEnd", "x", runs ? "run" : "1");
                    }

                    keyword = "else if";
                }

                w.Line();
                if (runs)
                {
                    using (w.Block("for (int r = y; r < y + run && x < layout.ColumnEnd; r++)"))
                    {
                        WriteRowCall(w, plan, passes, VectorWidth.Scalar, block, $"{SpanArguments(plan)}, layout, o, c0, r", "x, layout.ColumnEnd", assignTo: null, "1");
                    }

                    w.Line();
                    w.Line("y += run - 1;");
                }
                else
                {
                    using (w.Block("if (x < layout.ColumnEnd)"))
                    {
                        WriteRowCall(w, plan, passes, VectorWidth.Scalar, block, args, "x, layout.ColumnEnd", "x", "1");
                    }
                }
            }
        }
    }

    // Rows go several at a time through the widest vector path that fits, when it blocks rows at all: a block with
    // border rows in it as a whole (convolutions), interior rows in blocks, the last of which may overlap the one before.
    private static void WriteRowBlocks(SourceWriter w, KernelPlan plan, RowPasses passes, int block)
    {
        var blocked = SimdWidth.RowWidths(plan).Select(width => (Width: width, Rows: RowTiling.RowBlock(plan, width.Width, block))).ToList();
        if (blocked.All(b => b.Rows == 1))
        {
            return;
        }

        bool borderBlocks = RowTiling.HasBorderBlocks(plan);
        w.Line("int rows = 0; // rows this pass moves on by");
        if (blocked.Any(b => b.Rows > 1 && !RowPasses.HasNoSingleRows(plan, b.Width.Width, block)))
        {
            w.Line("int limit = Math.Min(layout.RowEnd, yTo); // the end of the interior rows here");
        }

        string keyword = "if";
        foreach ((SimdWidth width, int rows) in blocked)
        {
            string high = RowPasses.TakesSingleRows(plan, width.Width, block) ? "" : $" && layout.OutHeight >= {rows}";
            using (w.Block($"{keyword} ({width.IsAccelerated} && vectorColumns >= {width.Type(plan)}.Count{high})"))
            {
                if (rows > 1 && RowPasses.BlocksServeSingleRows(plan, width.Width, block))
                {
                    // One pass serves interior and border rows: blocks top to bottom, the last with the rows left
                    // (the pass computes and stores only those).
                    w.Line($"rows = Math.Min({rows}, yTo - y);");
                    WriteBlockCalls(w, plan, passes, width, block, rows, guarded: true, "y", "rows");
                }
                else if (rows > 1 && RowPasses.HasNoSingleRows(plan, width.Width, block))
                {
                    // Blocks with no single-row passes beside them: every row of a map at least a block high goes in
                    // blocks, the last ending at the map's last row (the header tests the height).
                    w.Line($"int first = Math.Min(y, layout.OutHeight - {rows}); // the last block overlaps the one before (its rows computed again, to the same values)");
                    WriteBlockCalls(w, plan, passes, width, block, rows, guarded: false, "first", rows.ToString());
                    w.Line();
                    w.Line($"rows = first + {rows} - y;");
                }
                else if (rows > 1)
                {
                    string interior = $"y >= layout.RowStart && (limit - y >= {rows} || (limit > y && limit - {rows} >= layout.RowStart))";
                    if (borderBlocks)
                    {
                        using (w.Block($"if (y + {rows} <= yTo && (y < layout.RowStart || y + {rows} > layout.RowEnd))"))
                        {
                            WriteBlockCalls(w, plan, passes, width, block, rows, guarded: true, "y", rows.ToString());
                            w.Line();
                            w.Line($"rows = {rows};");
                        }
                    }

                    // The last block of the interior rows ends at their end, overlapping the block before (its rows are
                    // computed again, to the same values) rather than leaving rows to a one-row pass.
                    using (w.Block($"{(borderBlocks ? "else if" : "if")} ({interior})"))
                    {
                        w.Line($"int first = Math.Min(y, limit - {rows});");
                        WriteBlockCalls(w, plan, passes, width, block, rows, guarded: false, "first", rows.ToString());
                        w.Line();
                        w.Line($"rows = first + {rows} - y;");
                    }
                }
            }

            keyword = "else if";
        }

        w.Line();
        using (w.Block("if (rows > 0)"))
        {
            using (w.Block("for (int r = y; r < y + rows && layout.VectorColumnEnd < layout.ColumnEnd; r++)"))
            {
                string scalar = $"({SpanArguments(plan)}, layout, o, c0, r, layout.VectorColumnEnd, layout.ColumnEnd);";
                if (borderBlocks && passes.Get(VectorWidth.Scalar, block, 1, guarded: false) != passes.Get(VectorWidth.Scalar, block, 1, guarded: true))
                {
                    using (w.Block("if (r >= layout.RowStart && r < layout.RowEnd)"))
                    {
                        w.Line($"{passes.Get(VectorWidth.Scalar, block, 1, guarded: false).Name}{scalar}");
                    }

                    using (w.Block("else"))
                    {
                        w.Line($"{passes.Get(VectorWidth.Scalar, block, 1, guarded: true).Name}{scalar}");
                    }
                }
                else
                {
                    w.Line($"{passes.Get(VectorWidth.Scalar, block, 1, guarded: false).Name}{scalar}");
                }
            }

            w.Line();
            w.Line("y += rows - 1;");
            w.Line("continue;");
        }

        w.Line();
    }

    // One block of rows from row `first`: where the row is wide enough, both end vectors blocked like the interior,
    // which then covers only the columns between them; else the border columns row by row, then the interior.
    private static void WriteBlockCalls(SourceWriter w, KernelPlan plan, RowPasses passes, SimdWidth width, int block, int rows, bool guarded, string first, string count)
    {
        string args = $"{SpanArguments(plan)}, layout, o, c0, {first}";
        int lanes = width.Lanes(plan);
        bool edges = plan.HasVectorEdges(lanes);
        if (edges)
        {
            using (w.Block($"if (layout.Width >= {2 * lanes + plan.ColumnReach})"))
            {
                w.Line(Call(passes.GetEnds(width.Width, block, rows), args, count, $"0, {lanes}", ColumnRange.LeftEnd) + ";");
                w.Line(Call(passes.Get(width.Width, block, rows, guarded), args, count, $"{lanes}, layout.OutWidth - {lanes}") + ";");
                w.Line(Call(passes.GetEnds(width.Width, block, rows), args, count, $"layout.OutWidth - {lanes}, layout.OutWidth", ColumnRange.RightEnd) + ";");
            }
        }

        using (w.BlockIf(edges, "else"))
        {
            // A row too narrow for this width's end vectors: those of the widest narrower path they fit, in its blocks of
            // rows where its end vectors take row counts, else row by row (end vectors or output by output).
            string keyword = "if";
            foreach (SimdWidth narrower in SimdWidth.RowWidths(plan).SkipWhile(v => v != width).Skip(1))
            {
                int narrowLanes = narrower.Lanes(plan);
                if (!plan.HasVectorEdges(narrowLanes) || !RowPasses.BlocksServeSingleRows(plan, narrower.Width, block))
                {
                    break; // its single-row end vectors serve row by row
                }

                int narrowRows = RowTiling.RowBlock(plan, narrower.Width, block);
                using (w.Block($"{keyword} ({narrower.IsAccelerated} && layout.Width >= {2 * narrowLanes + plan.ColumnReach})"))
                {
                    using (w.Block($"for (int r = {first}; r < {first} + {count}; r += {narrowRows})"))
                    {
                        string endArgs = $"{SpanArguments(plan)}, layout, o, c0, r";
                        string endCount = $"Math.Min({narrowRows}, {first} + {count} - r)";
                        w.Line(Call(passes.GetEnds(narrower.Width, block, narrowRows), endArgs, endCount, $"0, {narrowLanes}", ColumnRange.LeftEnd) + ";");
                        w.Line(Call(passes.GetEnds(narrower.Width, block, narrowRows), endArgs, endCount, $"layout.OutWidth - {narrowLanes}, layout.OutWidth", ColumnRange.RightEnd) + ";");
                    }
                }

                keyword = "else if";
            }

            using (w.BlockIf(keyword != "if", "else"))
            {
                using (w.Block($"for (int r = {first}; r < {first} + {count}; r++)"))
                {
                    WriteBorderColumnsCall(w, plan, block, "r");
                }
            }

            w.Line();
            w.Line(Call(passes.Get(width.Width, block, rows, guarded), args, count, "layout.ColumnStart, layout.VectorColumnEnd") + ";");
        }
    }

    /// <summary>A call of a row pass for rows from the one <paramref name="args"/> ends with, given the number of rows to store if it takes it.</summary>
    private static string Call(RowPass pass, string args, string rowCount, string range, ColumnRange columns = ColumnRange.Interior)
    {
        string name = ColumnTypeArguments.Call(pass.Name, pass.ServesEnds, columns);
        return pass.TakesRowCount || pass.LoopsRows ? $"{name}({args}, {rowCount}, {range})" : $"{name}({args}, {range})";
    }

    private static void WriteBorderColumnsCall(SourceWriter w, KernelPlan plan, int block, string row)
        => w.Line($"RowEnds_Block{block}({SpanArguments(plan)}, layout, o, c0, {row});");

    private static void WriteRowEnds(SourceWriter w, KernelPlan plan, RowPasses passes, int block)
    {
        w.Line($"/// <summary>The border columns of output row <paramref name=\"y\"/> of {(block == 1 ? "output channel o" : $"output channels o to o + {block - 1}")}: one shifted vector at each end where the row is wide enough, else output by output.</summary>");
        using (w.Block($"private static void RowEnds_Block{block}({SpanParameters(plan)}, in KernelLayout layout, int o, int c0, int y)"))
        {
            foreach (SimdWidth width in SimdWidth.RowWidths(plan).Where(v => plan.HasVectorEdges(v.Lanes(plan))))
            {
                int lanes = width.Lanes(plan);
                using (w.Block($"if ({width.IsAccelerated} && layout.Width >= {2 * lanes + plan.ColumnReach})"))
                {
                    string args = $"{SpanArguments(plan)}, layout, o, c0, y";
                    w.Line(Call(passes.GetEnds(width.Width, block, 1), args, "1", $"0, {lanes}", ColumnRange.LeftEnd) + ";");
                    w.Line(Call(passes.GetEnds(width.Width, block, 1), args, "1", $"layout.OutWidth - {lanes}, layout.OutWidth", ColumnRange.RightEnd) + ";");
                    w.Line("return;");
                }

                w.Line();
            }

            if (block == 1)
            {
                w.Line($"BorderColumns({SpanArguments(plan)}, layout, o, y);");
            }
            else
            {
                using (w.Block($"for (int k = 0; k < {block}; k++)"))
                {
                    w.Line($"BorderColumns({SpanArguments(plan)}, layout, o + k, y);");
                }
            }
        }
    }

    // The call of a single row's pass (interior, or border where the row is one), its result assigned to `assignTo`
    // unless null; an interior pass looping over rows takes `rowCount` of them.
    private static void WriteRowCall(SourceWriter w, KernelPlan plan, RowPasses passes, VectorWidth width, int block, string args, string range, string? assignTo, string rowCount)
    {
        RowPass interior = passes.Get(width, block, 1, guarded: false);
        RowPass border = plan.HasBorderRows ? passes.Get(width, block, 1, guarded: true) : interior;
        string target = assignTo is null ? "" : $"{assignTo} = ";
        if (border == interior)
        {
            w.Line($"{target}{Call(interior, args, rowCount, range)};");
            return;
        }

        if (assignTo is null)
        {
            using (w.Block("if (interiorRow)"))
            {
                w.Line($"{Call(interior, args, rowCount, range)};");
            }

            using (w.Block("else"))
            {
                w.Line($"{Call(border, args, "1", range)};");
            }

            return;
        }

        w.Line($"{target}interiorRow");
        w.Line($"    ? {Call(interior, args, rowCount, range)}");
        w.Line($"    : {Call(border, args, "1", range)};");
    }

    private static void WriteBorders(SourceWriter w, KernelPlan plan)
    {
        w.Line("/// <summary>The outputs of row <paramref name=\"y\"/> whose window reaches into the left or right padding.</summary>");
        using (w.Block($"private static void BorderColumns({SpanParameters(plan)}, in KernelLayout layout, int o, int y)"))
        {
            using (w.Block("for (int x = 0; x < layout.ColumnStart; x++)"))
            {
                w.Line($"BorderPoint({SpanArguments(plan)}, layout, o, y, x);");
            }

            w.Line();
            using (w.Block("for (int x = layout.ColumnEnd; x < layout.OutWidth; x++)"))
            {
                w.Line($"BorderPoint({SpanArguments(plan)}, layout, o, y, x);");
            }
        }

        w.Line();
        using (w.Block($"private static void BorderPoint({SpanParameters(plan)}, in KernelLayout layout, int o, int y, int x)"))
        {
            if (plan.IsConvolution)
            {
                w.Line($"{plan.T} sum = KernelBorders.ConvolutionAt(input, weights, layout, Geometry, Flip, o, y, x);");
                if (plan.Spec.HasBias)
                {
                    w.Line("sum = bias[o] + sum;");
                }

                if (plan.Spec.Relu)
                {
                    w.Line($"sum = {plan.T}.Max(sum, 0{plan.LiteralSuffix});");
                }
            }
            else
            {
                WritePoolBorderPoint(w, plan);
                return; // the scope closes BorderPoint
            }

            w.Line("output[(o * layout.OutHeight + y) * layout.OutWidth + x] = sum;");
        }
    }

    /// <summary>
    /// The body of a pool's border point: the window clipped to the input once, then a plain loop over the rows and
    /// columns inside (no test per tap; the window sizes are constants), the average dividing by their count.
    /// </summary>
    private static void WritePoolBorderPoint(SourceWriter w, KernelPlan plan)
    {
        bool max = plan.Spec.Operation == KernelOperation.MaxPool;
        w.Line("// The window's rows [i0, i1) and columns [j0, j1) inside the input.");
        w.Line("int top = y * StrideHeight - layout.PadTop, left = x * StrideWidth - layout.PadLeft;");
        w.Line("int i0 = Math.Max(0, -top), i1 = Math.Min(KernelHeight, layout.Height - top);");
        w.Line("int j0 = Math.Max(0, -left), j1 = Math.Min(KernelWidth, layout.Width - left);");
        w.Line($"ref {plan.T} first = ref Unsafe.Add(ref MemoryMarshal.GetReference(input), ((nint)o * layout.Height + top + i0) * layout.Width + left + j0);");
        w.Line($"{plan.T} {(max ? "best" : "sum")} = {(max ? $"{plan.T}.NegativeInfinity" : "0" + plan.LiteralSuffix)};");
        using (w.Block("for (int i = 0; i < i1 - i0; i++)"))
        {
            w.Line($"ref {plan.T} row = ref Unsafe.Add(ref first, (nint)i * layout.Width);");
            using (w.Block("for (int j = 0; j < j1 - j0; j++)"))
            {
                w.Line(max ? $"best = {plan.T}.Max(best, Unsafe.Add(ref row, j));" : "sum += Unsafe.Add(ref row, j);");
            }
        }

        w.Line();
        string value = max ? "best" : "sum / ((i1 - i0) * (j1 - j0))";
        w.Line($"Unsafe.Add(ref MemoryMarshal.GetReference(output), ((nint)o * layout.OutHeight + y) * layout.OutWidth + x) = {value};");
    }

    private static void WriteStridedLoad(SourceWriter w, KernelPlan plan, SimdWidth width)
    {
        int lanes = width.Lanes(plan), stride = plan.Spec.StrideWidth;
        if (stride > RowTiling.MaxShuffledStride)
        {
            w.Line($"/// <summary>Lanes source[offset + k·{stride}], read one element each.</summary>");
            w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
            using (w.Block($"private static {width.Type(plan)} {width.StridedLoadName}(ref {plan.T} source, nuint offset)"))
            {
                w.Line($"return {width.Vector}.Create(");
                for (int k = 0; k < lanes; k++)
                {
                    string at = k == 0 ? "offset" : $"offset + unchecked((nuint){(long)k * stride}L)"; // long: a huge stride must not wrap
                    w.Line($"    Unsafe.Add(ref source, {at}){(k == lanes - 1 ? ");" : ",")}");
                }
            }

            return;
        }

        int parts = StridedPoolLoads.VectorsPerStridedLoad(stride, lanes);
        if (parts == 2)
        {
            WriteTwoVectorStridedLoad(w, plan, width);
            return;
        }

        var shuffles = new List<string>();
        for (int m = 0; m < parts; m++)
        {
            int part = m;
            IEnumerable<int> indices = Enumerable.Range(0, lanes).Select(k =>
            {
                int at = k * stride - part * lanes;
                return at >= 0 && at < lanes ? at : -1;
            });
            string load = $"{width.Vector}.LoadUnsafe(ref source, offset{(m == 0 ? "" : $" + {m * lanes}")})";
            shuffles.Add($"{width.Vector}.Shuffle({load}, {width.Vector}.Create({Literals.Indices(plan, indices)}))");
        }

        w.Line($"/// <summary>Lanes source[offset + k·{stride}]: {parts} loads, each shuffled into its lanes (index −1 gives zero bits), then or-ed.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        using (w.Block($"private static {width.Type(plan)} {width.StridedLoadName}(ref {plan.T} source, nuint offset)"))
        {
            for (int m = 0; m < shuffles.Count; m++)
            {
                string lead = m == 0 ? "return " : "    | ";
                w.Line(lead + shuffles[m] + (m == shuffles.Count - 1 ? ";" : ""));
            }
        }
    }

    // A strided load from two vectors: one AVX-512 two-source permute where there is one, else a shuffle of each, or-ed.
    private static void WriteTwoVectorStridedLoad(SourceWriter w, KernelPlan plan, SimdWidth width)
    {
        int lanes = width.Lanes(plan), stride = plan.Spec.StrideWidth;
        (string[] shuffles, (int First, string Indices)? pair) = width.StridedLanes(plan, p => p == 0 ? "low" : "high", phase: 0, parts: 2);
        (string isSupported, string permute) = width.TwoSourcePermute(plan);
        w.Line($"/// <summary>Lanes source[offset + k·{stride}] from 2 loads: one two-source permute with AVX-512, else each load shuffled into its lanes (index −1 gives zero bits) and or-ed.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        using (w.Block($"private static {width.Type(plan)} {width.StridedLoadName}(ref {plan.T} source, nuint offset)"))
        {
            w.Line($"{width.Type(plan)} low = {width.Vector}.LoadUnsafe(ref source, offset), high = {width.Vector}.LoadUnsafe(ref source, offset + {lanes});");
            using (w.Block($"if ({isSupported})"))
            {
                w.Line($"return {permute}(low, {width.Vector}.Create({pair!.Value.Indices}), high);");
            }

            w.Line();
            w.Line($"return {shuffles[0]}");
            w.Line($"    | {shuffles[1]};");
        }
    }
}
