using KernelGen.Generators.Helpers;
using KernelGen.Generators.Model;
using KernelGen.Generators.Planning;

namespace KernelGen.Generators.Emit;

/// <summary>
/// What happens to one window, apart from how it is looped: the accumulator's start value, what a tap adds to it,
/// and how it is finished (bias and activation, or the average's division). The loop skeleton calls these for
/// every kernel kind and width.
/// </summary>
internal static class WindowOperation
{
    public static string Initial(KernelPlan plan, SimdWidth width)
        => plan.Spec.Operation == KernelOperation.MaxPool ? width.Broadcast($"{plan.T}.NegativeInfinity") : width.Zero(plan);

    /// <summary>The statement folding <paramref name="value"/> (tap weight <paramref name="weight"/>) into <paramref name="accumulator"/>.</summary>
    public static string Accumulate(KernelPlan plan, SimdWidth width, string accumulator, string value, string? weight) => plan.Spec.Operation switch
    {
        KernelOperation.Convolution => $"{accumulator} = {width.MultiplyAdd(value, width.Broadcast(weight!), accumulator)};",
        KernelOperation.MaxPool => $"{accumulator} = {width.Max(plan, accumulator, value)};",
        _ => $"{accumulator} = {accumulator} + {value};",
    };

    /// <summary>The statement folding <paramref name="value"/> into a convolution accumulator with a weight already broadcast into <paramref name="weightVector"/>.</summary>
    public static string AccumulateBroadcast(SimdWidth width, string accumulator, string value, string weightVector)
        => $"{accumulator} = {width.MultiplyAdd(value, weightVector, accumulator)};";

    /// <summary>
    /// The statement folding <paramref name="value"/> into a convolution accumulator with a literal weight: a tap of
    /// 1 or −1 is an add or a subtract (exact, like the multiply it replaces). Zero taps never get here.
    /// </summary>
    public static string AccumulateConstant(KernelPlan plan, SimdWidth width, string accumulator, string value, double weight) => weight switch
    {
        1 => $"{accumulator} = {accumulator} + {value};",
        -1 => $"{accumulator} = {accumulator} - {value};",
        _ => $"{accumulator} = {width.MultiplyAdd(value, width.Broadcast(ConstantKernel.Literal(weight, plan.Spec.Element)), accumulator)};",
    };

    /// <summary>
    /// The statements setting <paramref name="accumulator"/> (declared as <paramref name="type"/>) to the weighted
    /// sum of <paramref name="terms"/> with literal weights: values sharing a weight are added first and multiplied
    /// once, a weight of 1 or −1 is an add or a subtract, and zero weights cost nothing. The sum starts from its first
    /// group rather than from zero.
    /// </summary>
    public static IEnumerable<string> ConstantSum(KernelPlan plan, SimdWidth width, string type, string accumulator, IEnumerable<(double Weight, string Value)> terms)
    {
        // Groups in order of first appearance, except that the weight-1 group (no multiply) starts the sum.
        var groups = terms.Where(t => t.Weight != 0).GroupBy(t => t.Weight).OrderBy(g => g.Key == 1 ? 0 : 1).ToList();
        if (groups.Count == 0)
        {
            yield return $"{type} {accumulator} = {width.Zero(plan)}; // every weight is zero";
            yield break;
        }

        for (int g = 0; g < groups.Count; g++)
        {
            double weight = groups[g].Key;
            string[] values = [.. groups[g].Select(t => t.Value)];
            string sum = values.Length == 1 ? values[0] : $"({string.Join(" + ", values)})";
            string literal = width.Broadcast(ConstantKernel.Literal(weight, plan.Spec.Element));
            if (g == 0)
            {
                string start = weight switch
                {
                    1 => sum,
                    -1 => $"-{sum}",
                    _ => $"{sum} * {literal}",
                };
                yield return $"{type} {accumulator} = {start};";
                continue;
            }

            yield return weight switch
            {
                -1 => $"{accumulator} = {accumulator} - {sum};",
                _ => $"{accumulator} = {width.MultiplyAdd(sum, literal, accumulator)};",
            };
        }
    }

    /// <summary>Values a row computes once before its loop: bias vectors, the average's divisor.</summary>
    public static IEnumerable<string> RowSetup(KernelPlan plan, SimdWidth width, int block, bool guarded)
    {
        string type = width.Type(plan);
        if (plan.Spec.HasBias)
        {
            for (int k = 0; k < block; k++)
            {
                yield return $"{type} bias{k} = {width.Broadcast($"bias[o + {k}]")};";
            }
        }

        if (plan.Spec.Operation == KernelOperation.AvgPool)
        {
            string count = guarded
                ? "layout.RowsInside(y, KernelHeight, StrideHeight, 1) * KernelWidth"
                : "TapsPerChannel";
            yield return $"{type} divisor = {width.Broadcast($"({plan.T})({count})")};";
        }
    }

    /// <summary>
    /// In a pass serving the row ends of an average pool, after <see cref="RowSetup"/>: the end copies divide each
    /// lane by its own count, the window rows inside the input times that lane's window columns inside it (fewer
    /// toward the row's ends; exact small integers, so the quotients are those of the scalar border code).
    /// </summary>
    public static void WriteEndDivisors(SourceWriter w, KernelPlan plan, SimdWidth width, bool guarded)
    {
        if (plan.Spec.Operation != KernelOperation.AvgPool)
        {
            return;
        }

        KernelSpec s = plan.Spec;
        int lanes = width.Lanes(plan), pad = plan.ConstantPadLeft!.Value;
        int overhang = s.Padding == PaddingMode.Full ? plan.ColumnReach : 0; // OutWidth − Width
        string Counts(Func<int, int, bool> inside) => string.Join(", ", Enumerable.Range(0, lanes)
            .Select(l => ConstantKernel.Literal(Enumerable.Range(0, s.KernelWidth).Count(j => inside(l, j * s.Dilation)), s.Element)));
        // Lane l of the left end is output column l; of the right end, column OutWidth − lanes + l.
        string left = Counts((l, offset) => l + offset - pad >= 0);
        string right = Counts((l, offset) => overhang - lanes + l + offset - pad < 0);
        string rows = width.Broadcast($"({plan.T}){(guarded ? "layout.RowsInside(y, KernelHeight, StrideHeight, 1)" : "KernelHeight")}");
        w.Line("// each end lane divides by its own count: the window columns inside the input differ toward the row's ends");
        ColumnTypeArguments.WriteAssignment(w, "divisor", null, $"{rows} * {width.Vector}.Create({left})", $"{rows} * {width.Vector}.Create({right})");
    }

    /// <summary>The statements that turn accumulator <paramref name="accumulator"/> (block member <paramref name="k"/>) into an output.</summary>
    public static IEnumerable<string> Finish(KernelPlan plan, SimdWidth width, string accumulator, int k)
    {
        if (plan.Spec.HasBias)
        {
            yield return $"{accumulator} = bias{k} + {accumulator};";
        }

        if (plan.Spec.Relu)
        {
            yield return $"{accumulator} = {width.Max(plan, accumulator, width.Zero(plan))};";
        }

        if (plan.Spec.Operation == KernelOperation.AvgPool)
        {
            yield return $"{accumulator} = {accumulator} / divisor;";
        }
    }
}
