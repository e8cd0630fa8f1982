namespace KernelGen.Kernels.Tests;

public static partial class SmokeKernels
{
    [Conv2D(3, 3, Padding = Padding.Same)]
    public static partial void Blur(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [MaxPool2D(2, 2)]
    public static partial void Pool(ReadOnlySpan<float> input, Span<float> output, int height, int width);

    [Conv1D(3, Stride = 2, InChannels = 3, OutChannels = 8, Activation = Activation.Relu)]
    public static partial void Strided(ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> output, int length);
}

public class Smoke
{
    [Fact]
    public void BlurMatchesReference()
    {
        var rnd = new Random(1);
        int h = 7, wd = 37;
        float[] input = Enumerable.Range(0, h * wd).Select(_ => (float)rnd.NextDouble()).ToArray();
        float[] w = Enumerable.Range(0, 9).Select(_ => (float)rnd.NextDouble()).ToArray();
        float[] a = new float[h * wd], b = new float[h * wd];
        SmokeKernels.Blur(input, w, a, h, wd);
        ReferenceKernels.Conv2D<float>(input, w, default, b, h, wd, 3, 3, Padding.Same);
        for (int i = 0; i < a.Length; i++) Assert.Equal(b[i], a[i], 1e-5f);
    }
}
