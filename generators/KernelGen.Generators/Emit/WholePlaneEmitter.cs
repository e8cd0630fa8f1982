using KernelGen.Generators.Helpers;
using KernelGen.Generators.Model;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// Writes the path of a pool whose map is its window (a global pool: one output per channel). Each channel's window
/// is then its whole plane, <c>TapsPerChannel</c> contiguous values, so the reduction runs along the plane in the
/// widest vectors that fit it, then across the lanes: a row path would have one output column and run scalar.
/// </summary>
internal static class WholePlaneEmitter
{
    /// <summary>Above this many whole vectors per plane, the plane is looped with four accumulators rather than unrolled.</summary>
    private const int MaxUnrolledVectors = 8;

    private const int LoopAccumulators = 4;

    /// <summary>
    /// The test in <c>Run</c> for a map exactly the window's size (the plan takes such a path only where that map has
    /// no padding): a global pool's, or the dot products of a convolution that covers its whole input.
    /// </summary>
    public static string MapIsWindow(KernelPlan plan) => plan.Spec.Is2D ? "height == KernelHeight && width == KernelWidth" : "width == KernelWidth";

    public static void WriteCall(SourceWriter w, KernelPlan plan)
    {
        using (w.Block($"if ({MapIsWindow(plan)})"))
        {
            w.Line("// The map is the window: one output per channel, a reduction of the channel's whole plane.");
            w.Line("WholePlanes(input, output);");
            w.Line("return;");
        }

        w.Line();
    }

    public static void WriteMethod(SourceWriter w, KernelPlan plan)
    {
        bool max = plan.Spec.Operation == KernelOperation.MaxPool;
        w.Line($"/// <summary>Each channel's {(max ? "maximum" : "average")} of its whole plane (the map is the window), TapsPerChannel contiguous values: along the plane in vectors, then across their lanes.</summary>");
        using (w.Block($"private static void WholePlanes(ReadOnlySpan<{plan.T}> input, Span<{plan.T}> output)"))
        {
            w.Line($"ref {plan.T} inputRef = ref MemoryMarshal.GetReference(input);");
            w.Line($"ref {plan.T} outputRef = ref MemoryMarshal.GetReference(output);");
            string keyword = "if";
            foreach (SimdWidth width in SimdWidth.Vectors.Where(v => v.Lanes(plan) <= plan.TapsPerChannel))
            {
                using (w.Block($"{keyword} ({width.IsAccelerated})"))
                {
                    WriteVectorPlanes(w, plan, width);
                }

                keyword = "else if";
            }

            using (w.Block("else"))
            {
                WriteScalarPlanes(w, plan);
            }
        }
    }

    private static void WriteVectorPlanes(SourceWriter w, KernelPlan plan, SimdWidth width)
    {
        int lanes = width.Lanes(plan), taps = plan.TapsPerChannel;
        int whole = taps / lanes, rest = taps % lanes;
        string type = width.Type(plan);
        bool max = plan.Spec.Operation == KernelOperation.MaxPool;
        string Load(string offset) => $"{width.Vector}.LoadUnsafe(ref plane, {offset})";
        string Fold(string a, string b) => max ? width.Max(plan, a, b) : $"{a} + {b}";
        if (rest > 0 && !max)
        {
            // The last, overlapping vector keeps only the lanes past the whole vectors (a max may count a value twice).
            bool single = plan.Spec.Element == ElementType.Float;
            string lanesKept = string.Join(", ", Enumerable.Range(0, lanes).Select(l => (l >= lanes - rest ? "-1" : "0") + (single ? "" : "L")));
            w.Line($"{type} lastLanes = {width.Vector}.Create({lanesKept}).As{(single ? "Single" : "Double")}(); // all bits set in the lanes kept");
        }

        using (w.Block("for (int c = 0; c < Groups; c++)"))
        {
            w.Line($"ref {plan.T} plane = ref Unsafe.Add(ref inputRef, c * TapsPerChannel);");
            if (whole <= MaxUnrolledVectors)
            {
                w.Line($"{type} acc = {Load("0")};");
                for (int v = 1; v < whole; v++)
                {
                    w.Line($"acc = {Fold("acc", Load($"{v * lanes}"))};");
                }
            }
            else
            {
                for (int a = 0; a < LoopAccumulators; a++)
                {
                    w.Line($"{type} acc{a} = {Load($"{a * lanes}")};");
                }

                w.Line($"nuint i = {LoopAccumulators * lanes};");
                using (w.Block($"for (; i + {LoopAccumulators * lanes} <= TapsPerChannel; i += {LoopAccumulators * lanes})"))
                {
                    for (int a = 0; a < LoopAccumulators; a++)
                    {
                        w.Line($"acc{a} = {Fold($"acc{a}", Load(a == 0 ? "i" : $"i + {a * lanes}"))};");
                    }
                }

                w.Line();
                using (w.Block($"for (; i + {lanes} <= TapsPerChannel; i += {lanes})"))
                {
                    w.Line($"acc0 = {Fold("acc0", Load("i"))};");
                }

                w.Line();
                w.Line($"{type} acc = {Fold($"({Fold("acc0", "acc1")})", $"({Fold("acc2", "acc3")})")};");
            }

            if (rest > 0)
            {
                string last = Load($"TapsPerChannel - {lanes}");
                w.Line($"acc = {Fold("acc", max ? last : $"({last} & lastLanes)")};");
            }

            if (max)
            {
                WriteLaneMaximum(w, plan, width);
            }
            else
            {
                w.Line($"Unsafe.Add(ref outputRef, c) = {width.Vector}.Sum(acc) / TapsPerChannel;");
            }
        }
    }

    /// <summary>The statements storing the maximum across the lanes of <c>acc</c>: its halves folded down to 128 bits, then its lanes (a NaN propagates).</summary>
    private static void WriteLaneMaximum(SourceWriter w, KernelPlan plan, SimdWidth width)
    {
        string type128 = SimdWidth.V128.Type(plan);
        switch (width.Width)
        {
            case VectorWidth.V512:
                w.Line($"{SimdWidth.V256.Type(plan)} half = {SimdWidth.V256.Max(plan, "acc.GetLower()", "acc.GetUpper()")};");
                w.Line($"{type128} quarter = {SimdWidth.V128.Max(plan, "half.GetLower()", "half.GetUpper()")};");
                break;
            case VectorWidth.V256:
                w.Line($"{type128} quarter = {SimdWidth.V128.Max(plan, "acc.GetLower()", "acc.GetUpper()")};");
                break;
            default:
                w.Line($"{type128} quarter = acc;");
                break;
        }

        SimdWidth scalar = SimdWidth.Scalar;
        string[] lanes = [.. Enumerable.Range(0, SimdWidth.V128.Lanes(plan)).Select(l => $"quarter.GetElement({l})")];
        string maximum = lanes.Length == 2
            ? scalar.Max(plan, lanes[0], lanes[1])
            : scalar.Max(plan, scalar.Max(plan, lanes[0], lanes[1]), scalar.Max(plan, lanes[2], lanes[3]));
        w.Line($"Unsafe.Add(ref outputRef, c) = {maximum};");
    }

    private static void WriteScalarPlanes(SourceWriter w, KernelPlan plan)
    {
        bool max = plan.Spec.Operation == KernelOperation.MaxPool;
        using (w.Block("for (int c = 0; c < Groups; c++)"))
        {
            w.Line($"ref {plan.T} plane = ref Unsafe.Add(ref inputRef, c * TapsPerChannel);");
            w.Line($"{plan.T} acc = plane;");
            using (w.Block("for (int i = 1; i < TapsPerChannel; i++)"))
            {
                w.Line(max ? $"acc = {SimdWidth.Scalar.Max(plan, "acc", "Unsafe.Add(ref plane, i)")};" : "acc += Unsafe.Add(ref plane, i);");
            }

            w.Line(max ? "Unsafe.Add(ref outputRef, c) = acc;" : "Unsafe.Add(ref outputRef, c) = acc / TapsPerChannel;");
        }
    }
}
