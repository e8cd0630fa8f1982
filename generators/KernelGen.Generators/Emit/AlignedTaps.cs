using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// A row filter's shifted taps cut out of two 512-bit loads with AVX-512 <c>valignd</c>/<c>valignq</c>, rather than
/// each loaded across a cache line: <c>low</c> holds elements at‥at + lanes − 1, <c>high</c> the next vector, and the
/// tap at column offset s is the pair shifted by s lanes. The vectors are kept as unsigned integers of the element's
/// width (what the instruction takes) and viewed as the element type for the arithmetic.
/// </summary>
internal static class AlignedTaps
{
    public static string Type(KernelPlan plan) => $"Vector512<{Literals.UnsignedType(plan)}>";

    /// <summary>A load at <paramref name="offset"/> elements from <paramref name="source"/> (null: the reference itself).</summary>
    public static string Load(KernelPlan plan, string source, string? offset)
    {
        string load = offset is null ? $"Vector512.LoadUnsafe(ref {source})"
            : $"Vector512.LoadUnsafe(ref {source}, {(offset.Contains(' ') ? $"(nuint)({offset})" : $"(nuint){offset}")})";
        return $"{load}.{(plan.ElementBytes == 4 ? "AsUInt32" : "AsUInt64")}()";
    }

    /// <summary>The tap at column offset <paramref name="shift"/> (0 to lanes) from the pair, as the element type.</summary>
    public static string Tap(KernelPlan plan, string low, string high, int shift)
    {
        int lanes = plan.ElementsPer64Bytes;
        string view = plan.ElementBytes == 4 ? "AsSingle" : "AsDouble";
        string align = plan.ElementBytes == 4 ? "Avx512F.AlignRight32" : "Avx512F.AlignRight64";
        return shift == 0 ? $"{low}.{view}()" : shift == lanes ? $"{high}.{view}()" : $"{align}({high}, {low}, {shift}).{view}()";
    }
}
