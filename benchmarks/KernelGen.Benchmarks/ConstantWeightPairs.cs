namespace KernelGen.Benchmarks;

/// <summary>
/// Fixed filters on a 1080 × 1920 single-channel image, generated twice: with the weights baked in by the
/// attribute's <c>Weights</c>, and with the same weights passed at run time.
/// </summary>
public static partial class ConstantWeightPairs
{
    private const int Height = 1080, Width = 1920;

    private static readonly double[] Sobel = [1, 0, -1, 2, 0, -2, 1, 0, -1];

    private static readonly double[] Gaussian = Outer([1 / 16.0, 4 / 16.0, 6 / 16.0, 4 / 16.0, 1 / 16.0]);

    private static readonly double[] Box = Enumerable.Repeat(1 / 49.0, 49).ToArray();

    [Conv2D(3, 3, Padding = Padding.Same, Weights = new double[] { 1, 0, -1, 2, 0, -2, 1, 0, -1 })]
    private static partial void SobelConstant(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same)]
    private static partial void Sobel3x3(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same, Weights = new double[]
    {
        1 / 256.0, 4 / 256.0, 6 / 256.0, 4 / 256.0, 1 / 256.0,
        4 / 256.0, 16 / 256.0, 24 / 256.0, 16 / 256.0, 4 / 256.0,
        6 / 256.0, 24 / 256.0, 36 / 256.0, 24 / 256.0, 6 / 256.0,
        4 / 256.0, 16 / 256.0, 24 / 256.0, 16 / 256.0, 4 / 256.0,
        1 / 256.0, 4 / 256.0, 6 / 256.0, 4 / 256.0, 1 / 256.0,
    })]
    private static partial void GaussianConstant(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same)]
    private static partial void Gaussian5x5(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(7, 7, Padding = Padding.Same, Weights = new double[]
    {
        1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0,
        1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0,
        1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0,
        1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0,
        1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0,
        1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0,
        1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0, 1 / 49.0,
    })]
    private static partial void BoxConstant(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv2D(7, 7, Padding = Padding.Same)]
    private static partial void Box7x7(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>One filter: its kernel size, weights, the constant and run-time kernels on shared buffers, and the speed-up issue 4 asks for (if any).</summary>
    public sealed record Pair(string Name, int KernelSize, double[] Weights, Action Constant, Action Runtime, Func<double> Verify, double? Target);

    public static IReadOnlyList<Pair> All { get; } = Create();

    private static List<Pair> Create()
    {
        var random = new Random(7);
        float[] input = Enumerable.Range(0, Height * Width).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] output = new float[Height * Width];
        Pair Make(string name, int k, double[] weights, Action<float[], float[]> constant, Action<float[], float[], float[]> runtime, double? target)
        {
            float[] w = weights.Select(v => (float)v).ToArray();
            return new Pair(name, k, weights, () => constant(input, output), () => runtime(input, w, output), () =>
            {
                var expected = new float[output.Length];
                ReferenceKernels.Conv2D<float>(input, w, default, expected, Height, Width, k, k, Padding.Same);
                constant(input, output);
                return expected.Zip(output, (e, a) => Math.Abs(e - a) / (1 + Math.Abs(e))).Max();
            }, target);
        }

        return
        [
            Make("Sobel 3x3", 3, Sobel, (i, o) => SobelConstant(i, o, Height, Width), (i, w, o) => Sobel3x3(i, w, o, Height, Width), 1.3),
            Make("Gaussian 5x5", 5, Gaussian, (i, o) => GaussianConstant(i, o, Height, Width), (i, w, o) => Gaussian5x5(i, w, o, Height, Width), 1.5),
            Make("Box 7x7", 7, Box, (i, o) => BoxConstant(i, o, Height, Width), (i, w, o) => Box7x7(i, w, o, Height, Width), null),
        ];
    }

    private static double[] Outer(double[] v) => v.SelectMany(a => v.Select(b => a * b)).ToArray();
}
