using System.Numerics;
using System.Runtime;
using System.Runtime.Intrinsics;
using KernelGen;
using KernelGen.PackageConsumer;

// Runs every kernel in Kernels.cs against ReferenceKernels (both from the KernelGen package) on random data,
// over sizes below, at and above the vector widths. Exit code 0 when all match, 1 otherwise.

// PublishAot also turns dynamic code off in an ordinary build, so "nothing was JIT-compiled" is what tells AOT apart.
Console.WriteLine($"{(JitInfo.GetCompiledMethodCount() == 0 ? "Native AOT" : "JIT")}; hardware-accelerated vectors: " +
                  $"Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}");

var random = new Random(20240611);
int[] lengths = [1, 2, 7, 16, 33, 100];
(int Height, int Width)[] images = [(1, 1), (3, 5), (4, 16), (9, 31), (17, 40), (24, 67)];
int failures = 0;

Run2D("Conv2D 3x3 Same 2->3 bias ReLU, float", images, (h, w) =>
{
    float[] input = Fill<float>(2 * h * w), weights = Fill<float>(3 * 2 * 3 * 3), bias = Fill<float>(3);
    int n = 3 * Out(h, 3, 1, Padding.Same) * Out(w, 3, 1, Padding.Same);
    float[] expected = new float[n], actual = new float[n];
    ReferenceKernels.Conv2D<float>(input, weights, bias, expected, h, w, 3, 3, Padding.Same,
                                   inChannels: 2, outChannels: 3, activation: Activation.Relu);
    Kernels.Conv3x3SameBiasRelu(input, weights, bias, actual, h, w);
    return Compare<float>(expected, actual, ConvolutionTolerance<float>(2 * 3 * 3));
});

float[] packedSource = Fill<float>(32 * 16 * 3 * 3), packedBias = Fill<float>(32);
var packedWeights = new PackedWeights<float>(packedSource);
Run2D("Conv2D 3x3 Same 16->32 bias ReLU, weights packed once, float", images, (h, w) =>
{
    float[] input = Fill<float>(16 * h * w);
    int n = 32 * Out(h, 3, 1, Padding.Same) * Out(w, 3, 1, Padding.Same);
    float[] expected = new float[n], actual = new float[n];
    ReferenceKernels.Conv2D<float>(input, packedSource, packedBias, expected, h, w, 3, 3, Padding.Same,
                                   inChannels: 16, outChannels: 32, activation: Activation.Relu);
    Kernels.Conv3x3SamePacked(input, packedWeights, packedBias, actual, h, w);
    return Compare<float>(expected, actual, ConvolutionTolerance<float>(16 * 3 * 3));
});

Run2D("Conv2D 3x3 Same, constant (Sobel) weights, float", images, (h, w) =>
{
    float[] input = Fill<float>(h * w);
    float[] expected = new float[h * w], actual = new float[h * w];
    ReferenceKernels.Conv2D<float>(input, Kernels.SobelWeights, [], expected, h, w, 3, 3, Padding.Same);
    Kernels.Sobel(input, actual, h, w);
    return Compare<float>(expected, actual, ConvolutionTolerance<float>(8)); // Σ|w| = 8
});

// Valid padding needs the whole (dilated) window inside the input.
Run2D("Conv2D 5x5 Valid stride 2, double", [.. images.Where(s => s.Height >= 5 && s.Width >= 5)], (h, w) =>
{
    double[] input = Fill<double>(h * w), weights = Fill<double>(5 * 5);
    int n = Out(h, 5, 2, Padding.Valid) * Out(w, 5, 2, Padding.Valid);
    double[] expected = new double[n], actual = new double[n];
    ReferenceKernels.Conv2D<double>(input, weights, [], expected, h, w, 5, 5, Padding.Valid, stride: 2);
    Kernels.Conv5x5Stride2(input, weights, actual, h, w);
    return Compare<double>(expected, actual, ConvolutionTolerance<double>(5 * 5));
});

Run("Conv1D 7 Full Flip, double", lengths, n =>
{
    double[] input = Fill<double>(n), weights = Fill<double>(7);
    int m = Out(n, 7, 1, Padding.Full);
    double[] expected = new double[m], actual = new double[m];
    ReferenceKernels.Conv1D<double>(input, weights, [], expected, n, 7, Padding.Full, flip: true);
    Kernels.Conv1DFullFlip(input, weights, actual, n);
    return Compare<double>(expected, actual, ConvolutionTolerance<double>(7));
});

Run("Conv1D 3 dilation 2, 4->4 in 2 groups, bias, float", [.. lengths.Where(n => n >= 5)], n =>
{
    float[] input = Fill<float>(4 * n), weights = Fill<float>(4 * 2 * 3), bias = Fill<float>(4);
    int m = 4 * Out(n, 3, 1, Padding.Valid, dilation: 2);
    float[] expected = new float[m], actual = new float[m];
    ReferenceKernels.Conv1D<float>(input, weights, bias, expected, n, 3, Padding.Valid, dilation: 2, inChannels: 4, outChannels: 4, groups: 2);
    Kernels.Conv1DDilatedGrouped(input, weights, bias, actual, n);
    return Compare<float>(expected, actual, ConvolutionTolerance<float>(2 * 3));
});

Run2D("MaxPool2D 2x2, 3 channels, float", [.. images.Where(s => s.Height >= 2 && s.Width >= 2)], (h, w) =>
{
    float[] input = Fill<float>(3 * h * w);
    int n = 3 * Out(h, 2, 2, Padding.Valid) * Out(w, 2, 2, Padding.Valid);
    float[] expected = new float[n], actual = new float[n];
    ReferenceKernels.MaxPool2D<float>(input, expected, h, w, 2, 2, channels: 3);
    Kernels.MaxPool2x2(input, actual, h, w);
    return Compare<float>(expected, actual, 0); // a max selects an element: exact
});

Run2D("AvgPool2D 3x3 Same stride 2, double", images, (h, w) =>
{
    double[] input = Fill<double>(h * w);
    int n = Out(h, 3, 2, Padding.Same) * Out(w, 3, 2, Padding.Same);
    double[] expected = new double[n], actual = new double[n];
    ReferenceKernels.AvgPool2D<double>(input, expected, h, w, 3, 3, Padding.Same, stride: 2);
    Kernels.AvgPool3x3Same(input, actual, h, w);
    return Compare<double>(expected, actual, AverageTolerance<double>(3 * 3));
});

Run("MaxPool1D 3 Same, double", lengths, n =>
{
    double[] input = Fill<double>(n);
    int m = Out(n, 3, 3, Padding.Same);
    double[] expected = new double[m], actual = new double[m];
    ReferenceKernels.MaxPool1D<double>(input, expected, n, 3, Padding.Same);
    Kernels.MaxPool1DSame(input, actual, n);
    return Compare<double>(expected, actual, 0);
});

Run("AvgPool1D 4 stride 2, 2 channels, float", [.. lengths.Where(n => n >= 4)], n =>
{
    float[] input = Fill<float>(2 * n);
    int m = 2 * Out(n, 4, 2, Padding.Valid);
    float[] expected = new float[m], actual = new float[m];
    ReferenceKernels.AvgPool1D<float>(input, expected, n, 4, stride: 2, channels: 2);
    Kernels.AvgPool1DStride2(input, actual, n);
    return Compare<float>(expected, actual, AverageTolerance<float>(4));
});

Console.WriteLine(failures == 0 ? "all kernels match the reference" : $"{failures} kernel(s) differ from the reference");
return failures == 0 ? 0 : 1;

void Run2D(string name, (int Height, int Width)[] sizes, Func<int, int, string?> check)
    => Run(name, sizes, size => check(size.Height, size.Width));

// Runs one kernel over every size; a case returns null when the kernel matches the reference, else what differs.
void Run<TSize>(string name, TSize[] sizes, Func<TSize, string?> check)
{
    foreach (TSize size in sizes)
    {
        string? mismatch;
        try
        {
            mismatch = check(size);
        }
        catch (Exception e)
        {
            mismatch = $"{e.GetType().Name}: {e.Message}";
        }

        if (mismatch is not null)
        {
            failures++;
            Console.WriteLine($"FAIL {name} at size {size}: {mismatch}");
            return;
        }
    }

    Console.WriteLine($"ok   {name} ({sizes.Length} sizes)");
}

T[] Fill<T>(int length)
    where T : IFloatingPointIeee754<T>
{
    var values = new T[length];
    for (int i = 0; i < length; i++)
    {
        values[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
    }

    return values;
}

static int Out(int n, int kernel, int stride, Padding padding, int dilation = 1)
    => ShapeMath.Dimension(n, kernel, stride, dilation, padding).Output;

// Kernels may sum in another order and fuse multiply-adds, so the error is relative to a bound on Σ|x·w|: with
// inputs and weights in [-1, 1], the number of terms.
static double ConvolutionTolerance<T>(int bound)
    => (typeof(T) == typeof(float) ? 1e-5 : 1e-12) * (bound + 1);

// A sum of n values in [-1, 1] and a division, rounded on both sides.
static double AverageTolerance<T>(int n)
    => 2.0 * (n + 1) * (typeof(T) == typeof(float) ? Math.ScaleB(1, -23) : Math.ScaleB(1, -52));

static string? Compare<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, double tolerance)
    where T : IFloatingPointIeee754<T>
{
    for (int i = 0; i < expected.Length; i++)
    {
        double e = double.CreateChecked(expected[i]), a = double.CreateChecked(actual[i]);
        if (tolerance == 0 ? !e.Equals(a) : !(Math.Abs(a - e) <= tolerance))
        {
            return $"output[{i}] is {a:R}, the reference gives {e:R} (tolerance {tolerance:G3})";
        }
    }

    return null;
}
