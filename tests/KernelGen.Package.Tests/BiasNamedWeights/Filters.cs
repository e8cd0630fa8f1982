using KernelGen;

namespace BiasNamedWeights;

public static partial class Filters
{
    // With constant Weights the second span is the bias, so this 'weights' span would be added to every output:
    // run.sh builds this with warnings left as warnings and expects KG0017 on it.
    [Conv1D(3, Weights = new double[] { 0.25, 0.5, 0.25 })]
    public static partial void Smooth(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int length);
}
