using KernelGen.Generators.Helpers;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// The loop header every emitted row loop shares. A vector loop steps a vector at a time and ends with a last vector
/// that overlaps the one before rather than reading or writing past the end (the caller guarantees at least one
/// vector's worth); a scalar loop steps one at a time. Each returns the loop's scope, which the caller disposes
/// (<c>using</c>) after writing the body.
/// </summary>
internal static class VectorLoop
{
    /// <param name="w">The writer.</param>
    /// <param name="width">The width the loop steps by.</param>
    /// <param name="lanes">Lanes per step.</param>
    /// <param name="index">The loop variable.</param>
    /// <param name="start">Its start, declaring it (<c>int index = start</c>), or null for an existing variable.</param>
    /// <param name="end">The exclusive end.</param>
    public static SourceWriter.Scope Open(SourceWriter w, SimdWidth width, int lanes, string index, string? start, string end)
    {
        string init = start is null ? "" : $"int {index} = {start}";
        return width.IsScalar
            ? w.Block($"for ({init}; {index} < {end}; {index}++)")
            : OpenOverlapping(w, index, start, end, lanes.ToString());
    }

    /// <summary>
    /// A loop stepping <paramref name="step"/> at a time whose last step overlaps the one before rather than running
    /// past <paramref name="end"/> (the caller guarantees one step's worth). <paramref name="unit"/> names a step in
    /// the comment; <paramref name="reset"/>, if any, writes what the moved-back step must redo (reloading values
    /// carried from the step before).
    /// </summary>
    public static SourceWriter.Scope OpenOverlapping(SourceWriter w, string index, string? start, string end, string step, string unit = "vector", Action? reset = null)
    {
        string init = start is null ? "" : $"int {index} = {start}";
        SourceWriter.Scope loop = w.Block($"for ({init}; ; {index} += {step})");
        using (w.Block($"if ({index} > {end} - {step})"))
        {
            w.Line($"if ({index} >= {end})");
            w.Line("{");
            w.Line("    break;");
            w.Line("}");
            w.Line();
            w.Line($"{index} = {end} - {step}; // the last {unit} overlaps the one before rather than running past the end");
            reset?.Invoke();
        }

        w.Line();
        return loop;
    }

    /// <summary>
    /// The width dispatch every column range shares: the widest accelerated vector with at least one vector's worth
    /// left from <paramref name="index"/> to <paramref name="end"/> takes the whole range (its last vector overlapping),
    /// leaving <paramref name="index"/> at the end; else the scalar path takes what is left. <paramref name="body"/>
    /// writes each path's loops.
    /// </summary>
    public static void DispatchWidths(SourceWriter w, KernelPlan plan, string index, string end, Action<SimdWidth> body)
    {
        foreach (SimdWidth width in SimdWidth.Vectors.Append(SimdWidth.Scalar))
        {
            string condition = width.IsScalar ? $"{index} < {end}" : $"{width.IsAccelerated} && {end} - {index} >= {width.Lanes(plan)}";
            using (w.Block($"{(width == SimdWidth.V512 || width.IsScalar ? "if" : "else if")} ({condition})"))
            {
                body(width);
                if (!width.IsScalar)
                {
                    w.Line();
                    w.Line($"{index} = {end};");
                }
            }
        }
    }
}
