using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// One code path of a kernel: 512-, 256- or 128-bit vectors, or scalars. It writes the text of each elementary
/// operation, so the row emitter is written once for every width.
/// </summary>
internal sealed class SimdWidth
{
    public static readonly SimdWidth V512 = new("Vector512", VectorWidth.V512);
    public static readonly SimdWidth V256 = new("Vector256", VectorWidth.V256);
    public static readonly SimdWidth V128 = new("Vector128", VectorWidth.V128);
    public static readonly SimdWidth Scalar = new(null, VectorWidth.Scalar);

    /// <summary>The vector widths, widest first, in the order the dispatch tries them.</summary>
    public static readonly SimdWidth[] Vectors = [V512, V256, V128];

    private SimdWidth(string? vector, VectorWidth width)
    {
        Vector = vector;
        Width = width;
    }

    /// <summary>The text writers of the plan's row-layout widths, widest first.</summary>
    public static IEnumerable<SimdWidth> RowWidths(KernelPlan plan) => plan.RowWidths.Select(For);

    /// <summary>The text writer of a width the plan names.</summary>
    public static SimdWidth For(VectorWidth width) => width switch
    {
        VectorWidth.V512 => V512,
        VectorWidth.V256 => V256,
        VectorWidth.V128 => V128,
        _ => Scalar,
    };

    /// <summary>The static class of the width (<c>Vector512</c>), or null for scalars.</summary>
    public string? Vector { get; }

    /// <summary>The width as the plan knows it.</summary>
    public VectorWidth Width { get; }

    public bool IsScalar => Vector is null;

    /// <summary>A short name for method names: <c>512</c>, <c>256</c>, <c>128</c> or <c>Scalar</c>.</summary>
    public string Suffix => Width.Suffix();

    public int Lanes(KernelPlan plan) => Width.Lanes(plan);

    public string Type(KernelPlan plan) => IsScalar ? plan.T : $"{Vector}<{plan.T}>";

    public string Zero(KernelPlan plan) => IsScalar ? "0" + plan.LiteralSuffix : $"{Type(plan)}.Zero";

    public string Broadcast(string scalar) => IsScalar ? scalar : $"{Vector}.Create({scalar})";

    /// <summary>A load of one vector (or scalar) at an element offset from <paramref name="source"/>.</summary>
    public string Load(KernelPlan plan, string source, string offset)
    {
        if (IsScalar)
        {
            return $"Unsafe.Add(ref {source}, {offset})";
        }

        return plan.Spec.StrideWidth == 1
            ? $"{Vector}.LoadUnsafe(ref {source}, {Unsigned(offset)})"
            : $"{StridedLoadName}(ref {source}, {Unsigned(offset)})";
    }

    /// <summary>The name of the file-local helper that gathers every stride-th element into one vector.</summary>
    public string StridedLoadName => $"LoadStrided{Suffix}";

    public string Store(string value, string destination, string offset)
        => IsScalar ? $"Unsafe.Add(ref {destination}, {offset}) = {value};" : $"{value}.StoreUnsafe(ref {destination}, {Unsigned(offset)});";

    // Offsets are computed as signed nint (they may pass through negative values); the load takes them unsigned.
    private static string Unsigned(string offset) => offset.Contains(' ') ? $"(nuint)({offset})" : $"(nuint){offset}";

    /// <summary><c>accumulator + a·b</c>, fused where the hardware has it.</summary>
    public string MultiplyAdd(string a, string b, string accumulator)
        => IsScalar ? $"{accumulator} + {a} * {b}" : $"{Vector}.MultiplyAddEstimate({a}, {b}, {accumulator})";

    /// <summary>The IEEE maximum (a NaN propagates), the same on every path.</summary>
    public string Max(KernelPlan plan, string a, string b) => IsScalar ? $"{plan.T}.Max({a}, {b})" : $"{Vector}.Max({a}, {b})";

    public string IsAccelerated => $"{Vector}.IsHardwareAccelerated";

    /// <summary>
    /// The lanes of a strided column out of consecutive loaded vectors (<paramref name="part"/> names vector p): lane k
    /// takes element <paramref name="phase"/> + k·stride of them. <c>Shuffles</c> is the portable form, each vector
    /// holding some of those elements shuffled into their lanes (index −1 gives zero bits), to be or-ed together;
    /// <c>Permute</c>, when they come from two consecutive vectors, the first of them and the indices of the one
    /// two-source permute (<see cref="TwoSourcePermute"/>) that takes them at once, else null.
    /// </summary>
    public (string[] Shuffles, (int First, string Indices)? Permute) StridedLanes(KernelPlan plan, Func<int, string> part, int phase, int parts)
    {
        int lanes = Lanes(plan);
        var sources = StridedPoolLoads.ColumnSources(phase, parts, lanes, plan.Spec.StrideWidth);
        string[] shuffles = [.. sources.Select(s => $"{Vector}.Shuffle({part(s.Part)}, {Vector}.Create({Literals.Indices(plan, s.Indices.Select(at => at >= 0 && at < lanes ? at : -1))}))")];
        (int, string)? permute = sources.Count == 2 && sources[1].Part == sources[0].Part + 1
            ? (sources[0].Part, Literals.Indices(plan, sources[0].Indices))
            : null;
        return (shuffles, permute);
    }

    /// <summary>
    /// The AVX-512 permute choosing each lane from two vectors (vpermt2ps/pd, one instruction where a one-source
    /// shuffle of each and a blend take five), and the test it needs: AVX-512F at 512 bits, its VL extension below.
    /// </summary>
    public (string IsSupported, string Method) TwoSourcePermute(KernelPlan plan)
    {
        string isa = Width == VectorWidth.V512 ? "Avx512F" : "Avx512F.VL";
        int lanes = Lanes(plan);
        return ($"{isa}.IsSupported", $"{isa}.PermuteVar{lanes}x{plan.ElementBytes * 8}x2");
    }
}
