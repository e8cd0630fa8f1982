using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes the channel-lane path of a multi-channel convolution (<see cref="ChannelLanes"/>): the weight repacking,
/// the walk over output channel blocks and row pairs, and the block passes (left, middle or right columns, serving
/// interior and border rows alike). The transposes between the lanes and the channel planes are the runtime's
/// <c>KernelLaneTransposes</c>.
/// </summary>
internal static class ChannelLaneEmitter
{
    /// <summary>
    /// The test <c>Run</c> makes before taking the channel-lane path: the hardware, a block's rows, and output widths at
    /// which every block's input columns outside its padding lie inside the input: the left block needs the right
    /// padding out of its reach (and the right block the left), and the middle blocks, when there are any, must not be
    /// pulled back into the left padding by their overlapping last block. (The left and right blocks may overlap.)
    /// </summary>
    public static string Condition(ChannelLanes lanes)
    {
        string width = lanes.ExcludesMiddleWidths
            ? $"layout.OutWidth >= {lanes.MinOutWidth} && (layout.OutWidth <= {lanes.NoMiddleWidth} || layout.OutWidth >= {lanes.WholeMiddleWidth})"
            : $"layout.OutWidth >= {lanes.MinOutWidth}";
        if (lanes.NarrowMapsOnly)
        {
            width += $" && layout.OutWidth < {ChannelLanes.PointwiseRowsFromWidth}";
        }

        return $"{lanes.HardwareTest} && {width} && layout.OutHeight >= {lanes.Qualifier}LaneBlockRows";
    }

    /// <summary>
    /// The call of a stride-1 1 × 1 layer's blocks on its map reshaped to the blocks' rows (<see cref="KernelPlan.ReadsOnlyItsOwnPixel"/>):
    /// an output reads only its own pixel, so any shape with the same pixels in the same order computes the same
    /// outputs, and long rows leave no ragged ends to the 8-column blocks (a 7 × 7 map's rows are 7 outputs in a block
    /// of 8, and narrower than a block they go through a padded copy). M25 (576 → 160 at 7 × 7): 131 → 100 µs; M4
    /// (16 → 96 at 112 × 112, whose rows are whole blocks): 544 → 487, in one run. Two-row blocks (one vector of
    /// channels) take it only where the map's rows are ragged (a 14 × 14 map as 2 × 98: 28.3 → 26.7 µs). At 256 bits it
    /// takes the narrow maps the width rule gives the blocks, and AVX-512 hardware reaches it where the 512-bit blocks
    /// do not apply (144 → 48 at 7 × 7, a 49-pixel map for two-row blocks: 16.2 → 9.1 µs).
    /// </summary>
    public static void WriteFlatMapCall(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        string pixels = lanes.Rows == 1 ? "height * width" : $"height * width / {lanes.Rows}";
        // Two rows of half the pixels each read every input plane at two places far apart, twice the streams of a row pair
        // of the map itself, a little slower where the map's rows are whole blocks (32 -> 16 at 112 x 112: 152.5 against
        // 148 us), so they take only maps whose rows are ragged.
        string fits = lanes.Rows == 1
            ? $"height * width >= {lanes.Columns}"
            : $"width % {lanes.Columns} != 0 && height * width % {lanes.Rows} == 0 && height * width >= {lanes.Rows * lanes.Columns}";
        if (lanes.NarrowMapsOnly)
        {
            fits = $"width < {ChannelLanes.PointwiseRowsFromWidth} && " + fits; // wider maps keep the rows at 256 bits
        }

        using (w.Block($"if ({lanes.HardwareTest} && {fits})"))
        {
            w.Line($"// A 1 × 1 window at stride 1: the map as {(lanes.Rows == 1 ? "one row" : $"{lanes.Rows} rows")} of its pixels in order, with no ragged row ends.");
            w.Line($"int flatWidth = {pixels};");
            w.Line($"var flatExtents = new KernelExtents(new DimensionExtent({lanes.Rows}, 0, 0), new DimensionExtent(flatWidth, 0, 0));");
            KernelClassEmitter.WriteLayout(w, plan, "flat", $"{lanes.Rows}", "flatWidth", "flatExtents");
            w.Line($"{lanes.Qualifier}LaneBlocks({KernelClassEmitter.SpanArguments(plan)}, flat, {PackedArgument(plan, lanes)}{SevenWideArgument(lanes, "flatWidth")});");
            w.Line("return;");
        }

        w.Line();
    }

    /// <summary>
    /// The test for the lane path on a padded copy (<see cref="WritePaddedCopy"/>): for a map narrower than the blocks
    /// (<see cref="ChannelLanes.MinOutWidth"/>), or every map of a strided layer, while the copies fit
    /// <see cref="ChannelLanes.MaxCopyScratch"/>.
    /// </summary>
    public static string PaddedCopyCondition(ChannelLanes lanes)
        => PaddedCopyCondition(lanes, lanes.CopiesEveryInput ? null : $"layout.OutWidth < {lanes.Qualifier}NarrowLaneWidth");

    /// <summary>
    /// The test for the lane path on a padded copy in blocks of seven columns, which <c>Run</c> makes before the blocks
    /// along the rows of a layer with padding (whose end blocks have no seven-column copy): where seven divides the
    /// rows more closely than eight (<see cref="ChannelLanes.HasSevenWide"/>). A layer without padding takes them
    /// along its rows (<see cref="ChannelLanes.WalkTakesSevenWide"/>).
    /// </summary>
    public static string SevenWideCondition(ChannelLanes lanes)
        => PaddedCopyCondition(lanes, "SevenWideBlocks(layout.OutWidth)");

    private static string PaddedCopyCondition(ChannelLanes lanes, string? width)
        => lanes.HardwareTest + (width is null ? "" : $" && {width}") +
           $" && layout.OutHeight >= {lanes.Qualifier}LaneBlockRows && {lanes.Qualifier}PaddedCopyScratchLength(height, layout) <= {ChannelLanes.MaxCopyScratch}";

    public static void WriteConstants(SourceWriter w, ChannelLanes lanes)
    {
        w.Line($"{lanes.Access} const int ChannelLanes = {lanes.Lanes}; // output channels per {(int)lanes.Width}-bit accumulator on the channel-lane path");
        w.Line($"{lanes.Access} const int LaneBlockRows = {lanes.Rows}, LaneBlockColumns = {lanes.Columns}; // output positions per channel-lane pass");
        w.Line(lanes.Vectors == 1
            ? $"{lanes.Access} const int LaneBlockChannels = {lanes.BlockChannels}; // output channels per pass: one vector"
            : $"{lanes.Access} const int LaneBlockChannels = {lanes.BlockChannels}; // output channels per pass: {lanes.Vectors} vectors, each broadcast pixel multiplied into both");
        if (lanes.Chunked)
        {
            w.Line($"{lanes.Access} const int LaneChunk = {lanes.Chunk}; // input channels whose repacked weights fit the scratch buffer at once");
        }

        double kib = lanes.PackedLength * ((int)lanes.Width / 8.0) / lanes.Lanes / 1024;
        w.Line($"{lanes.Access} const int PackedLength = {lanes.PackedLength}; // {kib:0.#} KiB: the repacked weights of one block of output channels, in this thread's scratch (not the stack)");
        if (lanes.Vectors > 1)
        {
            w.Line($"{lanes.Access} const int PackedPerVector = {lanes.PackedPerVector}; // the repacked weights of each vector of the block's channels, one after the other");
        }
        if (!lanes.CopiesEveryInput)
        {
            w.Line($"{lanes.Access} const int NarrowLaneWidth = {lanes.MinOutWidth}; // the fewest output columns of the lane blocks: narrower maps run on a padded copy");
        }
    }

    /// <summary>
    /// The methods of one width's lane path: the 512-bit path's in the kernel class (its constants are the class's),
    /// the 256-bit path's with their constants in a nested class of their own, so that both paths read the same names.
    /// </summary>
    public static void WritePath(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        if (lanes.NestedClass is null)
        {
            WriteMethods(w, plan, lanes);
            return;
        }

        w.Line("/// <summary>");
        w.Line($"/// The channel-lane path at {(int)lanes.Width} bits, for AVX2 with FMA, whose 16 registers hold a block of one output row × {lanes.Columns}");
        w.Line($"/// columns of {lanes.Lanes} channels beside a kernel row's weights and the broadcast pixel (and for AVX-512 where its blocks do not apply).");
        w.Line("/// </summary>");
        using (w.Block($"private static class {lanes.NestedClass}"))
        {
            WriteConstants(w, lanes);
            w.Line();
            WriteMethods(w, plan, lanes);
        }
    }

    private static void WriteMethods(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        if (!lanes.CopiesEveryInput)
        {
            WriteWalk(w, plan, lanes, paddedCopy: false);
            w.Line();
        }

        WriteWalk(w, plan, lanes, paddedCopy: true);
        w.Line();
        WritePaddedCopy(w, plan, lanes);
        w.Line();
        WritePacking(w, plan, lanes);
        w.Line();
        WriteBlock(w, plan, lanes, border: plan.HasBorderRows);
    }

    /// <summary>
    /// The walk over blocks: output channels <see cref="ChannelLanes.Lanes"/> at a time, their weights repacked, then
    /// pairs of rows, each along its columns (<see cref="WriteBlockCalls"/>); or, <paramref name="paddedCopy"/>, along
    /// the interior blocks only, for the padded copy of the input, whose padding columns are written in.
    /// </summary>
    private static void WriteWalk(SourceWriter w, KernelPlan plan, ChannelLanes lanes, bool paddedCopy)
    {
        string t = plan.T;
        w.Line("/// <summary>");
        w.Line("/// The channel-lane path: for each block of <see cref=\"LaneBlockChannels\"/> output channels, their weights repacked tap by tap,");
        string rowsAtATime = lanes.Rows == 1 ? "output rows one by one" : "output rows two at a time";
        string blocks = lanes.WalkTakesSevenWide(paddedCopy) ? $"in blocks of {lanes.Columns} columns (or of 7)" : $"in blocks of {lanes.Columns} columns";
        w.Line(lanes.Chunked
            ? $"/// then {rowsAtATime}, top to bottom, {blocks}; chunk by chunk of input channels, each chunk resuming the partial sums the one before stored."
            : $"/// then {rowsAtATime}, top to bottom, {blocks}.");
        if (paddedCopy)
        {
            w.Line("/// Every block is an interior one: the input is a copy with its column padding written in (zeros), and layout.OutWidth a multiple of the block's columns.");
        }

        w.Line("/// </summary>");
        w.Line(plan.Spec.TakesPackedWeights
            ? "/// <paramref name=\"prepacked\"/> (PrepackedLength elements) holds every block's weights, packed once (<see cref=\"PackAll\"/>)."
            : "/// <paramref name=\"packed\"/> (PackedLength elements) receives each block's repacked weights.");
        bool takesSeven = lanes.WalkTakesSevenWide(paddedCopy);
        if (takesSeven)
        {
            w.Line("/// <paramref name=\"sevenWide\"/>: blocks of seven columns (SevenWideBlocks(layout.OutWidth)).");
        }

        string sevenWide = takesSeven ? ", bool sevenWide" : "";
        string packedParameter = plan.Spec.TakesPackedWeights ? $"ReadOnlySpan<{t}> prepacked" : $"Span<{t}> packed";
        using (w.Block($"{(paddedCopy ? "private" : lanes.Access)} static void {(paddedCopy ? "PaddedCopyWalk" : "LaneBlocks")}(ReadOnlySpan<{t}> input, ReadOnlySpan<{t}> weights, ReadOnlySpan<{t}> bias, Span<{t}> output, in KernelLayout layout, {packedParameter}{sevenWide})"))
        {
            using (w.Block("for (int group = 0; group < Groups; group++)"))
            {
                w.Line("int c0 = group * ChannelsPerGroup;");
                using (w.Block("for (int o = group * OutputsPerGroup; o < (group + 1) * OutputsPerGroup; o += LaneBlockChannels)"))
                {
                    // With chunks, a loop over them holds the pairs of rows; each chunk resumes the sums the one before stored.
                    using (w.BlockIf(lanes.Chunked, "for (int c = 0; c < ChannelsPerGroup; c += LaneChunk)"))
                    {
                        if (lanes.Chunked)
                        {
                            w.Line("int channels = Math.Min(LaneChunk, ChannelsPerGroup - c);");
                            w.Line("bool resume = c > 0, finish = c + channels == ChannelsPerGroup; // a later chunk adds to the partial sums in the output");
                            WriteBlockWeights(w, plan, "c", "channels");
                            if (lanes.Rows > 1)
                            {
                                w.Line("int rowsDone = 0; // a pair overlapping the one before must not add this chunk to its first row twice");
                            }
                        }
                        else
                        {
                            WriteBlockWeights(w, plan, "0", "ChannelsPerGroup");
                        }

                        using (lanes.Rows == 1 ? w.Block("for (int y = 0; y < layout.OutHeight; y++)") : VectorLoop.OpenOverlapping(w, "y", "0", "layout.OutHeight", "LaneBlockRows", unit: "pair"))
                        {
                            bool pairs = lanes.Rows > 1;
                            if (lanes.Chunked && pairs)
                            {
                                w.Line("bool firstRowDone = y < rowsDone;");
                            }

                            WriteBlockCalls(w, lanes, paddedCopy);

                            if (lanes.Chunked && pairs)
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

    /// <summary>
    /// The lane path on a padded copy, for a map narrower than its blocks or a strided layer (whose padding depends
    /// on the map): the input copied into scratch with its column padding written in as zeros and zero columns added
    /// on the right, so that the copy, taken without column padding, has a whole number of 8-column blocks (interior
    /// ones: no end copies, the same body at any padding). Rows keep their padding. Its outputs are the layer's, in
    /// place when the row is a whole number of blocks, else in scratch with their first <c>layout.OutWidth</c> columns
    /// copied back. The copies cost a pass over the input (and the output); the blocks compute up to 8 / OutWidth
    /// times the outputs of a narrow map, still far faster than rows this narrow.
    /// </summary>
    private static void WritePaddedCopy(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        string t = plan.T, access = lanes.Access;
        if (lanes.HasSevenWide)
        {
            int seven = ChannelLanes.SevenColumns, eight = lanes.Columns;
            w.Line($"/// <summary>Whether blocks of {seven} columns cover a row of <paramref name=\"outWidth\"/> outputs with fewer computed columns than blocks of {eight} (7, 14 or 28 columns, say).</summary>");
            w.Line($"{access} static bool SevenWideBlocks(int outWidth) => (outWidth + {seven - 1}) / {seven} * {seven} < (outWidth + {eight - 1}) / {eight} * {eight};");
            w.Line();
        }

        w.Line("/// <summary>The padded copy's output columns (whole blocks) and input columns (what they read).</summary>");
        using (w.Block("private static (int Out, int Width) PaddedCopyColumns(int outWidth)"))
        {
            if (lanes.HasSevenWide)
            {
                w.Line($"int columns = SevenWideBlocks(outWidth) ? {ChannelLanes.SevenColumns} : LaneBlockColumns;");
                w.Line("int wideOut = (outWidth + columns - 1) / columns * columns;");
            }
            else
            {
                w.Line("int wideOut = (outWidth + LaneBlockColumns - 1) / LaneBlockColumns * LaneBlockColumns;");
            }

            w.Line("return (wideOut, (wideOut - 1) * StrideWidth + (KernelWidth - 1) * Dilation + 1);");
        }

        w.Line();
        w.Line(plan.Spec.TakesPackedWeights
            ? "/// <summary>Scratch elements of the padded-copy path: the padded input, and its output unless written in place.</summary>"
            : "/// <summary>Scratch elements of the padded-copy path: the repacked weights, the padded input, and its output unless written in place.</summary>");
        using (w.Block($"{access} static long PaddedCopyScratchLength(int height, in KernelLayout layout)"))
        {
            w.Line("(int wideOut, int wideWidth) = PaddedCopyColumns(layout.OutWidth);");
            w.Line("long outputs = wideOut == layout.OutWidth ? 0 : (long)Groups * OutputsPerGroup * layout.OutHeight * wideOut;");
            w.Line($"return {(plan.Spec.TakesPackedWeights ? "" : "PackedLength + ")}(long)Groups * ChannelsPerGroup * height * wideWidth + outputs;");
        }

        w.Line();
        w.Line("/// <summary>The channel-lane path on a copy of the input with its column padding written in and widened to whole blocks (their extra outputs dropped).</summary>");
        bool prepacked = plan.Spec.TakesPackedWeights;
        string prepackedParameter = prepacked ? $", ReadOnlySpan<{t}> prepacked" : "";
        using (w.Block($"{access} static void PaddedCopyLaneBlocks(ReadOnlySpan<{t}> input, ReadOnlySpan<{t}> weights, ReadOnlySpan<{t}> bias, Span<{t}> output, int height, int width, in KernelLayout layout, in KernelExtents extents{prepackedParameter})"))
        {
            w.Line("(int wideOut, int wideWidth) = PaddedCopyColumns(layout.OutWidth);");
            w.Line("int inputRows = Groups * ChannelsPerGroup * height, outputRows = Groups * OutputsPerGroup * layout.OutHeight;");
            w.Line("bool inPlace = wideOut == layout.OutWidth; // whole blocks: the outputs go straight to the output");
            w.Line($"Span<{t}> scratch = KernelScratch.Get<{t}>((int)PaddedCopyScratchLength(height, layout)); // this thread's scratch (not the stack)");
            string afterPacked = prepacked ? "" : "PackedLength + ";
            if (!prepacked)
            {
                w.Line($"Span<{t}> packed = scratch[..PackedLength];");
            }

            w.Line($"Span<{t}> wideInput = scratch.Slice({(prepacked ? "0" : "PackedLength")}, inputRows * wideWidth);");
            w.Line($"Span<{t}> wideOutput = inPlace ? output : scratch.Slice({afterPacked}inputRows * wideWidth, outputRows * wideOut);");
            w.Line("int used = Math.Min(width, wideWidth - layout.PadLeft); // a strided Valid layer may leave the last column unread");
            using (w.Block("for (int row = 0; row < inputRows; row++)"))
            {
                if (plan.Spec.KernelHeight == 1 && plan.Spec.StrideHeight > 1)
                {
                    using (w.Block("if (row % height % StrideHeight != 0)"))
                    {
                        w.Line("continue; // a row no output reads: a one-row window has no padding and reads every StrideHeight-th row");
                    }

                    w.Line();
                }

                w.Line($"Span<{t}> wideRow = wideInput.Slice(row * wideWidth, wideWidth);");
                w.Line("wideRow[..layout.PadLeft].Clear();");
                w.Line("input.Slice(row * width, used).CopyTo(wideRow[layout.PadLeft..]);");
                w.Line("wideRow[(layout.PadLeft + used)..].Clear();");
            }

            w.Line();
            w.Line("var wideExtents = new KernelExtents(extents.Rows, new DimensionExtent(wideOut, 0, 0));");
            KernelClassEmitter.WriteLayout(w, plan, "wide", "height", "wideWidth", "wideExtents");
            w.Line($"PaddedCopyWalk(wideInput, weights, bias, wideOutput, wide, {(prepacked ? "prepacked" : "packed")}{(lanes.HasSevenWide ? ", SevenWideBlocks(layout.OutWidth)" : "")});");
            using (w.Block("if (!inPlace)"))
            {
                using (w.Block("for (int row = 0; row < outputRows; row++)"))
                {
                    w.Line("wideOutput.Slice(row * wideOut, layout.OutWidth).CopyTo(output.Slice(row * layout.OutWidth));");
                }
            }
        }
    }

    private static void WriteBlockCalls(SourceWriter w, ChannelLanes lanes, bool paddedCopy)
    {
        string from = lanes.PadLeft > 0 && !paddedCopy ? "LaneBlockColumns" : "0";
        string to = lanes.PadRight > 0 && !paddedCopy ? "layout.OutWidth - LaneBlockColumns" : "layout.OutWidth";
        foreach (ColumnRange kind in paddedCopy ? [ColumnRange.Interior] : lanes.ColumnBlocks())
        {
            string range = kind switch
            {
                ColumnRange.LeftEnd => "0, LaneBlockColumns",
                ColumnRange.RightEnd => "layout.OutWidth - LaneBlockColumns, layout.OutWidth",
                _ => $"{from}, {to}",
            };
            string chunk = !lanes.Chunked ? "c0, y" : lanes.Rows > 1 ? "c0 + c, y, channels, resume, finish, firstRowDone" : "c0 + c, y, channels, resume, finish";
            string arguments = $"(input, packed, bias, output, layout, o, {chunk}, {range});";
            if (lanes.WalkTakesSevenWide(paddedCopy))
            {
                using (w.Block("if (sevenWide)"))
                {
                    w.Line($"{ColumnTypeArguments.Call(lanes.BlockMethod, lanes.IsGeneric, ColumnRange.SevenWide)}{arguments}");
                }
                using (w.Block("else"))
                {
                    w.Line($"{ColumnTypeArguments.Call(lanes.BlockMethod, lanes.IsGeneric, kind)}{arguments}");
                }

                continue;
            }

            w.Line($"{ColumnTypeArguments.Call(lanes.BlockMethod, lanes.IsGeneric, kind)}{arguments}");
        }
    }

    private static void WritePacking(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        string t = plan.T;
        w.Line("/// <summary>");
        w.Line(lanes.Vectors == 1
            ? "/// packed[(c·TapsPerChannel + tap)·ChannelLanes + k] = the weight output channel o + k applies to input channel"
            : "/// packed[v·PackedPerVector + (c·TapsPerChannel + tap)·ChannelLanes + k] = the weight output channel o + v·ChannelLanes + k applies to input channel");
        w.Line("/// <paramref name=\"first\"/> + c at <c>tap</c> (window row-major, as applied: reversed when flipped), for c &lt;");
        w.Line("/// <paramref name=\"channels\"/>, so each tap's weights for a vector of the block's channels load as one vector.");
        w.Line("/// </summary>");
        using (w.Block($"private static void PackLaneWeights(ReadOnlySpan<{t}> weights, Span<{t}> packed, int o, int first, int channels)"))
        {
            w.Line("// A transpose of the block's rows of weights, in squares of vectors (the runtime's KernelLaneTransposes); a flipped");
            w.Line("// window's taps are reversed within each input channel.");
            using (w.BlockIf(lanes.Vectors > 1, "for (int v = 0; v < LaneBlockChannels / ChannelLanes; v++)"))
            {
                string channel = lanes.Vectors > 1 ? "(nint)(o + v * ChannelLanes)" : "(nint)o";
                string into = lanes.Vectors > 1 ? "ref packed[v * PackedPerVector]" : "ref MemoryMarshal.GetReference(packed)";
                w.Line($"KernelLaneTransposes.{lanes.PackMethod}(ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), {channel} * WeightsPerOutput + first * TapsPerChannel), WeightsPerOutput,");
                w.Line($"    channels * TapsPerChannel, Flip ? TapsPerChannel : 1, {into});");
            }
        }

        if (plan.Spec.TakesPackedWeights)
        {
            w.Line();
            WritePackingOnce(w, plan, lanes);
        }
    }

    /// <summary>
    /// A kernel taking <c>PackedWeights</c>: this path's packing of every block's weights at once, which the object keeps
    /// from the path's first call with it (a call then reads them where a kernel taking a span repacks them).
    /// </summary>
    private static void WritePackingOnce(SourceWriter w, KernelPlan plan, ChannelLanes lanes)
    {
        string t = plan.T;
        string owner = lanes.NestedClass ?? plan.ClassName;
        long length = lanes.PrepackedLength(plan);
        double mib = length * (double)plan.ElementBytes / (1024 * 1024);
        w.Line($"private const int PackedChunks = {lanes.ChunkCount}; // the chunks of input channels of each block of output channels");
        w.Line($"private const int PrepackedLength = {length}; // {mib:0.##} MiB: every block's weights, packed once, PackedLength elements per block and chunk");
        w.Line();
        w.Line("/// <summary>This path's packing of <paramref name=\"weights\"/>: made at its first call with them, and kept by them for every later call.</summary>");
        w.Line($"{lanes.Access} static ReadOnlySpan<{t}> Prepacked(PackedWeights<{t}> weights) => weights.PackedFor(typeof({owner}), PrepackedLength, PackAll);");
        w.Line();
        w.Line("/// <summary>Where the packed weights of the block of output channels from <paramref name=\"o\"/> and its input channels from <paramref name=\"c\"/> start.</summary>");
        w.Line(lanes.Chunked
            ? "private static int PrepackedOffset(int o, int c) => (o / LaneBlockChannels * PackedChunks + c / LaneChunk) * PackedLength;"
            : "private static int PrepackedOffset(int o, int c) => o / LaneBlockChannels * PackedLength;");
        w.Line();
        w.Line("/// <summary>Every block's weights as <see cref=\"PackLaneWeights\"/> packs them for one call, block after block and chunk after chunk.</summary>");
        using (w.Block($"private static void PackAll(ReadOnlySpan<{t}> weights, Span<{t}> prepacked)"))
        {
            using (w.Block("for (int o = 0; o < Groups * OutputsPerGroup; o += LaneBlockChannels)"))
            {
                if (lanes.Chunked)
                {
                    using (w.Block("for (int c = 0; c < ChannelsPerGroup; c += LaneChunk)"))
                    {
                        w.Line("PackLaneWeights(weights, prepacked.Slice(PrepackedOffset(o, c), PackedLength), o, c, Math.Min(LaneChunk, ChannelsPerGroup - c));");
                    }
                }
                else
                {
                    w.Line("PackLaneWeights(weights, prepacked.Slice(PrepackedOffset(o, 0), PackedLength), o, 0, ChannelsPerGroup);");
                }
            }
        }
    }

    /// <summary>
    /// The weights a block of output channels reads, for input channels from <paramref name="first"/>: repacked into the
    /// scratch for this call, or, for a kernel taking <c>PackedWeights</c>, where they were packed once.
    /// </summary>
    private static void WriteBlockWeights(SourceWriter w, KernelPlan plan, string first, string channels)
    {
        w.Line(plan.Spec.TakesPackedWeights
            ? $"ReadOnlySpan<{plan.T}> packed = prepacked.Slice(PrepackedOffset(o, {first}), PackedLength); // packed once, at the first call with these weights"
            : $"PackLaneWeights(weights, packed, o, {first}, {channels});");
    }

    /// <summary>
    /// The packed weights argument of a call of the blocks along the rows (<c>LaneBlocks</c>): this thread's scratch to
    /// repack them into, or the copy packed once for a kernel taking <c>PackedWeights</c>.
    /// </summary>
    public static string PackedArgument(KernelPlan plan, ChannelLanes lanes)
        => plan.Spec.TakesPackedWeights
            ? $"{lanes.Qualifier}Prepacked(packedWeights)"
            : $"KernelScratch.Get<{plan.T}>({lanes.Qualifier}PackedLength)";

    /// <summary>The trailing argument of a call of <c>PaddedCopyLaneBlocks</c>: the copy packed once, for a kernel taking <c>PackedWeights</c>.</summary>
    public static string PaddedCopyPackedArgument(KernelPlan plan, ChannelLanes lanes)
        => plan.Spec.TakesPackedWeights ? $", {lanes.Qualifier}Prepacked(packedWeights)" : "";

    private static void WriteBlock(SourceWriter w, KernelPlan plan, ChannelLanes lanes, bool border)
    {
        string t = plan.T, vector = lanes.VectorType, type = $"{vector}<{t}>";
        int parts = lanes.BlockRows, columns = lanes.Columns;
        bool pairs = lanes.Rows > 1;
        var pixels = RowFootprint(plan, lanes);
        string ends = (lanes.PadLeft > 0, lanes.PadRight > 0) switch
        {
            (true, true) => "first or last",
            (true, false) => "first",
            _ => "last",
        };
        string seven = lanes.HasSevenWide ? $"; {ColumnTypeArguments.Argument(ColumnRange.SevenWide)}: interior blocks of 7" : "";
        string where = lanes.ServesEnds
            ? $"columns [xFrom, xTo), {columns} at a time ({ColumnTypeArguments.Parameter}: the interior, every input column inside the input, or the block of the {ends} {columns} output columns, skipping the input columns in the padding{seven})"
            : lanes.HasSevenWide
                ? $"columns [xFrom, xTo), 8 at a time, every input column inside the input ({ColumnTypeArguments.Parameter}: {ColumnTypeArguments.Argument(ColumnRange.Interior)}, or {ColumnTypeArguments.Argument(ColumnRange.SevenWide)}, 7 at a time)"
                : $"columns [xFrom, xTo), {columns} at a time, every input column inside the input";
        w.Line("/// <summary>");
        w.Line(pairs
            ? $"/// Output rows <paramref name=\"y\"/> and y + 1, {where}, of output channels o to o + ChannelLanes − 1:"
            : $"/// Output row <paramref name=\"y\"/>, {where}, of output channels o to o + LaneBlockChannels − 1:");
        w.Line($"/// one accumulator per output position{(pairs ? "" : " and vector of channels")}; {(border ? "the kernel rows outside the input are skipped, so one pass serves the interior and the border rows" : "every kernel row inside the input")}.");
        w.Line("/// </summary>");
        string chunk = !lanes.Chunked ? "int y" : pairs ? "int y, int channels, bool resume, bool finish, bool firstRowDone" : "int y, int channels, bool resume, bool finish";
        (string typeParameters, string constraint) = ColumnTypeArguments.Of(lanes.IsGeneric);
        using (w.Block($"private static void {lanes.BlockMethod}{typeParameters}(ReadOnlySpan<{t}> input, ReadOnlySpan<{t}> packed, ReadOnlySpan<{t}> bias, Span<{t}> output, in KernelLayout layout, int o, int c0, {chunk}, int xFrom, int xTo){constraint}"))
        {
            w.Line($"ref {t} inputRef = ref MemoryMarshal.GetReference(input);");
            w.Line($"ref {t} packedRef = ref MemoryMarshal.GetReference(packed);");
            w.Line($"ref {t} outputRef = ref MemoryMarshal.GetReference(output);");
            PassLocals.WriteGeometry(w);
            if (lanes.SharesInputRows(plan))
            {
                w.Line("nint lastRow = (nint)KernelHeight * width; // the input row only output row y + 1 reads");
            }
            else
            {
                for (int r = 1; r < lanes.Rows; r++)
                {
                    w.Line($"nint row{r} = (nint){r * plan.Spec.StrideHeight} * width; // output row y + {r}'s window from output row y's");
                }
            }

            if (plan.Spec.HasBias)
            {
                for (int v = 0; v < lanes.Vectors; v++)
                {
                    string at = v == 0 ? "o" : $"(o + {v} * ChannelLanes)";
                    w.Line($"{type} {BiasLanes(lanes, v)} = {vector}.LoadUnsafe(ref MemoryMarshal.GetReference(bias), (nuint){at});");
                }
            }

            w.Line();
            if (lanes.Chunked)
            {
                w.Line(lanes.PadLeft > 0 && lanes.PadRight > 0
                    ? $"int columnsDone = {ColumnTypeArguments.Is(ColumnRange.RightEnd)} ? Math.Max(xFrom, {columns}) : xFrom; // the right block keeps the first {columns} columns the left block finished, any block those the one before finished"
                    : "int columnsDone = xFrom; // a block overlapping the one before keeps the columns that one finished");
            }

            string blockColumns = columns.ToString();
            if (lanes.HasSevenWide)
            {
                blockColumns = "blockColumns";
                w.Line($"int blockColumns = {ColumnTypeArguments.Is(ColumnRange.SevenWide)} ? {ChannelLanes.SevenColumns} : {columns}; // the seven-column copy never adds to acc*_{columns - 1} nor stores it");
            }

            using (VectorLoop.OpenOverlapping(w, "x", "xFrom", "xTo", blockColumns, unit: "block"))
            {
                if (lanes.Chunked)
                {
                    w.Line("int keep = columnsDone - x;");
                    w.Line($"columnsDone = x + {blockColumns};");
                }

                string column = plan.Spec.StrideWidth == 1 ? "x" : "x * StrideWidth";
                w.Line($"nint at = c0 * plane + (nint)top * width + {column} - layout.PadLeft; // an offset only: never turned into a ref outside the input");
                w.Line("nint outAt = o * outPlane + (nint)y * layout.OutWidth + x;");
                w.Line(pairs
                    ? "// acc{r}_{j}: output row y + r, column x + j, one lane per output channel"
                    : "// acc{v}_{j}: output column x + j of channels o + v·ChannelLanes on, one lane per output channel");
                if (lanes.Chunked)
                {
                    for (int r = 0; r < parts; r++)
                    {
                        w.Line($"{type} {string.Join(", ", Enumerable.Range(0, columns).Select(j => $"acc{r}_{j}"))};");
                    }

                    using (w.Block("if (resume)"))
                    {
                        for (int r = 0; r < parts; r++)
                        {
                            string accumulators = string.Join(", ", Enumerable.Range(0, ChannelLanes.MaxColumns).Select(j => j < columns ? $"out acc{r}_{j}" : "out _"));
                            w.Line($"KernelLaneTransposes.Load(ref outputRef, {PartOutput(lanes, r)}, outPlane, {accumulators}{ColumnsArgument(lanes)});");
                        }
                    }

                }

                // A chunk after the first resumes the partial sums; the first (or the only) starts from zero.
                using (w.BlockIf(lanes.Chunked, "else"))
                {
                    for (int r = 0; r < parts; r++)
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
                    w.Line($"ref {t} channelWeights = ref Unsafe.Add(ref packedRef, c * (TapsPerChannel * ChannelLanes));");
                    if (lanes.SharesInputRows(plan))
                    {
                        WriteSharedRowTaps(w, plan, lanes, border, pixels);
                    }
                    else
                    {
                        WriteKernelRowTaps(w, plan, lanes, border, pixels);
                    }
                }

                w.Line();
                bool finishes = plan.Spec.HasBias || plan.Spec.Relu;
                // Bias and activation once the last chunk has added its sums.
                using (w.BlockIf(lanes.Chunked && finishes, "if (finish)"))
                {
                    for (int r = 0; r < parts; r++)
                    {
                        for (int j = 0; j < columns; j++)
                        {
                            string acc = $"acc{r}_{j}";
                            if (plan.Spec.HasBias)
                            {
                                w.Line($"{acc} = {BiasLanes(lanes, pairs ? 0 : r)} + {acc};");
                            }

                            if (plan.Spec.Relu)
                            {
                                w.Line($"{acc} = {vector}.Max({acc}, {type}.Zero);");
                            }
                        }
                    }
                }

                if (lanes.Chunked && finishes)
                {
                    w.Line();
                }

                for (int r = 0; r < parts; r++)
                {
                    string accumulators = string.Join(", ", Enumerable.Range(0, ChannelLanes.MaxColumns).Select(j => j < columns ? $"acc{r}_{j}" : "default"));
                    // Chunked, the store is a call of its own: inlined beside the resume of the partial sums, its temporaries
                    // would each take a stack slot in the caller's frame (14 KiB measured); a chunk has so many channels
                    // that one call per block row costs nothing.
                    string store = lanes.Chunked
                        ? $"KernelLaneTransposes.StoreOutOfLine({accumulators}, ref outputRef, {PartOutput(lanes, r)}, outPlane, keep{ColumnsArgument(lanes)});"
                        : $"KernelLaneTransposes.Store({accumulators}, ref outputRef, {PartOutput(lanes, r)}, outPlane, keep: 0{ColumnsArgument(lanes)});";
                    if (lanes.Chunked && pairs && r == 0)
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
    /// The taps of one input channel kernel row by kernel row: its weight vectors, then each output row's pixels under
    /// it, each broadcast once. A border block skips the kernel rows outside the input.
    /// </summary>
    private static void WriteKernelRowTaps(SourceWriter w, KernelPlan plan, ChannelLanes lanes, bool border, List<Pixel> pixels)
    {
        string t = plan.T, vector = lanes.VectorType, type = $"{vector}<{t}>";
        using (w.Block("for (int i = 0; i < KernelHeight; i++)"))
        {
            w.Line("nint line = at + (nint)(i * Dilation) * width;");
            w.Line($"ref {t} rowWeights = ref Unsafe.Add(ref channelWeights, i * (KernelWidth * ChannelLanes));");
            if (lanes.Vectors > 1)
            {
                // One output row, two vectors of channels: each pixel broadcast once for both.
                WriteWeightRow(w, plan, lanes, "low", "rowWeights", 0);
                WriteWeightRow(w, plan, lanes, "high", "rowWeights", 0, "PackedPerVector");
                w.Line($"{type} pixel;");
                using (w.BlockIf(border, "if ((uint)(top + i * Dilation) < (uint)layout.Height)"))
                {
                    WritePixels(w, lanes, pixels, "line", (0, "low"), (1, "high"));
                }

                return;
            }

            WriteWeightRow(w, plan, lanes, "weight", "rowWeights", 0);

            w.Line($"{type} pixel;");
            for (int r = 0; r < lanes.Rows; r++)
            {
                if (border && r > 0)
                {
                    w.Line();
                }

                w.Line($"// output row {r}");
                string rowTop = r == 0 ? "top" : $"top + {r * plan.Spec.StrideHeight}";
                using (w.BlockIf(border, $"if ((uint)({rowTop} + i * Dilation) < (uint)layout.Height)"))
                {
                    WritePixels(w, lanes, pixels, r == 0 ? "line" : $"line + row{r}", (r, "weight"));
                }
            }
        }
    }

    /// <summary>
    /// The taps of one input channel when the two output rows' windows are one input row apart (stride and dilation 1):
    /// input row by input row, each pixel broadcast once for both output rows. The first input row feeds output row 0
    /// only, rows 1 to KernelHeight − 1 feed both (kernel row d for row 0, d − 1 for row 1: a loop), the last output
    /// row 1 only. A border block skips the input rows outside the input.
    /// </summary>
    private static void WriteSharedRowTaps(SourceWriter w, KernelPlan plan, ChannelLanes lanes, bool border, List<Pixel> pixels)
    {
        string t = plan.T, vector = lanes.VectorType, type = $"{vector}<{t}>";
        int rowLength = plan.Spec.KernelWidth * lanes.Lanes;
        w.Line($"{type} pixel;");
        w.Line("// input row 0: kernel row 0 of output row 0");
        using (w.BlockIf(border, "if ((uint)top < (uint)layout.Height)"))
        {
            WriteWeightRow(w, plan, lanes, "first", "channelWeights", 0);
            WritePixels(w, lanes, pixels, "at", (0, "first"));
        }

        w.Line();
        w.Line("// input rows 1 to KernelHeight − 1: kernel row d of output row 0, kernel row d − 1 of output row 1");
        using (w.Block("for (int d = 1; d < KernelHeight; d++)"))
        {
            if (border)
            {
                using (w.Block("if ((uint)(top + d) >= (uint)layout.Height)"))
                {
                    w.Line("continue; // this input row is in the padding");
                }

                w.Line();
            }

            w.Line("nint line = at + (nint)d * width;");
            w.Line($"ref {t} lowerWeights = ref Unsafe.Add(ref channelWeights, (d - 1) * (KernelWidth * ChannelLanes));");
            WriteWeightRow(w, plan, lanes, "upper", "lowerWeights", rowLength);
            WriteWeightRow(w, plan, lanes, "lower", "lowerWeights", 0);
            WritePixels(w, lanes, pixels, "line", (0, "upper"), (1, "lower"));
        }

        w.Line();
        w.Line("// input row KernelHeight: kernel row KernelHeight − 1 of output row 1");
        using (w.BlockIf(border, "if ((uint)(top + KernelHeight) < (uint)layout.Height)"))
        {
            WriteWeightRow(w, plan, lanes, "last", "channelWeights", (plan.Spec.KernelHeight - 1) * rowLength);
            WritePixels(w, lanes, pixels, "at + lastRow", (1, "last"));
        }
    }

    // The weight vectors of one kernel row, {name}0 to {name}{KernelWidth − 1}, from element `first` (after `over`) of `source`.
    private static void WriteWeightRow(SourceWriter w, KernelPlan plan, ChannelLanes lanes, string name, string source, int first, string? over = null)
    {
        for (int jj = 0; jj < plan.Spec.KernelWidth; jj++)
        {
            string offset = over is null ? $"{first + jj * lanes.Lanes}" : $"{over} + {first + jj * lanes.Lanes}";
            w.Line($"{lanes.VectorType}<{plan.T}> {name}{jj} = {lanes.VectorType}.LoadUnsafe(ref {source}, {offset});");
        }
    }

    // Each pixel of one input row broadcast once, then multiplied into each listed output row's accumulators by the
    // weight vectors of the kernel row it meets there.
    // A block with a seven-column copy leaves the eighth column's multiply-adds out of it (the pixels that feed only that
    // column too); the other columns' sums add up in the same order in every copy.
    private static void WritePixels(SourceWriter w, ChannelLanes lanes, List<Pixel> pixels, string line, params (int Row, string Weights)[] targets)
    {
        string vector = lanes.VectorType;
        int eighth = lanes.Columns - 1;
        foreach (Pixel pixel in pixels)
        {
            bool onlyEighth = lanes.HasSevenWide && pixel.Uses.All(use => use.Column == eighth);
            string? onlyWhere = lanes.HasSevenWide
                ? ColumnTypeArguments.OnlyWhere(pixel.AbsentLeft, pixel.AbsentRight, onlyEighth)
                : ColumnTypeArguments.OnlyWhere(pixel.AbsentLeft, pixel.AbsentRight);
            using (w.BlockIf(onlyWhere is not null, $"if ({onlyWhere}) // {ColumnTypeArguments.PaddingNote(pixel.AbsentLeft, pixel.AbsentRight, onlyEighth)}"))
            {
                w.Line($"pixel = {vector}.Create(Unsafe.Add(ref inputRef, {line} + {pixel.Column}));");
                bool guardsEighth = lanes.HasSevenWide && !onlyEighth;
                WriteMultiplyAdds(w, vector, targets, pixel.Uses.Where(use => !guardsEighth || use.Column != eighth));
                if (guardsEighth && pixel.Uses.Any(use => use.Column == eighth))
                {
                    using (w.Block($"if ({ColumnTypeArguments.IsNot(ColumnRange.SevenWide)}) // the eighth column"))
                    {
                        WriteMultiplyAdds(w, vector, targets, pixel.Uses.Where(use => use.Column == eighth));
                    }
                }
            }
        }
    }

    private static void WriteMultiplyAdds(SourceWriter w, string vector, (int Row, string Weights)[] targets, IEnumerable<(int Column, int Weight)> uses)
    {
        foreach ((int r, string weights) in targets)
        {
            foreach ((int j, int weight) in uses)
            {
                w.Line($"acc{r}_{j} = {vector}.MultiplyAddEstimate(pixel, {weights}{weight}, acc{r}_{j});");
            }
        }
    }

    /// <summary>
    /// The pixels of one input row a block's output row reads under one kernel row (columns relative to its first
    /// output's first tap), each with the output columns it feeds, the window column (the weight vector of the row) it
    /// meets there, and the test leaving it out of the end blocks where it lies in their padding.
    /// </summary>
    private static List<Pixel> RowFootprint(KernelPlan plan, ChannelLanes lanes)
    {
        var pixels = new SortedDictionary<int, List<(int, int)>>();
        for (int j = 0; j < lanes.Columns; j++)
        {
            for (int jj = 0; jj < plan.Spec.KernelWidth; jj++)
            {
                int column = j * plan.Spec.StrideWidth + jj * plan.Spec.Dilation;
                if (!pixels.TryGetValue(column, out var uses))
                {
                    pixels[column] = uses = [];
                }

                uses.Add((j, jj));
            }
        }

        // Only end blocks skip pixels (a layer without padding, or on a padded copy, has none).
        return [.. pixels.Select(p => new Pixel(p.Key, p.Value,
            lanes.ServesEnds && lanes.InPadding(ColumnRange.LeftEnd, p.Key, plan.ColumnReach),
            lanes.ServesEnds && lanes.InPadding(ColumnRange.RightEnd, p.Key, plan.ColumnReach)))];
    }

    private sealed record Pixel(int Column, List<(int Column, int Weight)> Uses, bool AbsentLeft, bool AbsentRight);

    // Where block row r of the accumulators is stored: output row y + r, or the channels of vector r of the block.
    private static string PartOutput(ChannelLanes lanes, int r)
        => r == 0 ? "outAt" : lanes.Rows > 1 ? $"outAt + {r} * layout.OutWidth" : $"outAt + {r} * ChannelLanes * outPlane";

    /// <summary>The walk's seven-column flag for rows of <paramref name="width"/> outputs, where it takes one (<see cref="ChannelLanes.WalkTakesSevenWide"/>).</summary>
    public static string SevenWideArgument(ChannelLanes lanes, string width)
        => lanes.WalkTakesSevenWide(paddedCopy: false) ? $", {lanes.Qualifier}SevenWideBlocks({width})" : "";

    // The block's columns for the transposes, where the block has a seven-column copy.
    private static string ColumnsArgument(ChannelLanes lanes)
        => lanes.HasSevenWide ? ", blockColumns" : lanes.Columns < ChannelLanes.MaxColumns ? $", {lanes.Columns}" : "";

    private static string BiasLanes(ChannelLanes lanes, int v) => lanes.Vectors == 1 ? "biasLanes" : $"biasLanes{v}";
}
