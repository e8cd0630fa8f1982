using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// How emitted code spells numbers that depend on the element type: lane indices of shuffles and permutes are
/// integers as wide as the element (<c>int</c> for <c>float</c>, <c>long</c> for <c>double</c>, whose literals take
/// an <c>L</c>), and so are the unsigned views valignd works on.
/// </summary>
internal static class Literals
{
    /// <summary>The signed integer type as wide as the element: the lane type of an index vector.</summary>
    public static string IndexType(KernelPlan plan) => plan.ElementBytes == 4 ? "int" : "long";

    /// <summary>The unsigned integer type as wide as the element.</summary>
    public static string UnsignedType(KernelPlan plan) => plan.ElementBytes == 4 ? "uint" : "ulong";

    /// <summary>A lane index literal of <see cref="IndexType"/>.</summary>
    public static string Index(KernelPlan plan, int index) => plan.ElementBytes == 4 ? index.ToString() : index + "L";

    /// <summary>Lane index literals, comma-separated, for <c>VectorN.Create(...)</c>.</summary>
    public static string Indices(KernelPlan plan, IEnumerable<int> indices) => string.Join(", ", indices.Select(i => Index(plan, i)));
}
