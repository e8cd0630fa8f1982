using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using KernelGen;
using KernelGen.Samples;
using KernelGen.Samples.LeNet;

// A LeNet-5 shaped forward pass on 32 × 32 inputs: conv 5x5 (1 → 6) + bias + ReLU, 2 × 2 average pool, conv 5x5
// (6 → 16) + bias + ReLU, 2 × 2 average pool, dense 400 → 120 → 84 → 10. The convolutions and pools are generated
// kernels (Kernels.cs); the dense layers use TensorPrimitives. The weights are random from a fixed seed (the network
// is untrained: its class scores show that it runs, not what a digit is). The same network with ReferenceKernels in
// place of the generated layers must give the same scores. Exit code 0 when it does, 1 when it does not.
//
//   LeNet [--quick]
//
// --quick times fewer and shorter batches (for CI).

bool quick = false;
foreach (string arg in args)
{
    if (arg == "--quick")
    {
        quick = true;
    }
    else
    {
        Console.Error.WriteLine($"unknown argument '{arg}'; usage: LeNet [--quick]");
        return 2;
    }
}

Console.WriteLine($"LeNet-5 forward pass, float; hardware-accelerated vectors: Vector512 {Vector512.IsHardwareAccelerated}, " +
                  $"Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}{(quick ? "; quick mode" : "")}");

var network = new LeNet5(seed: 5);
var generated = new LeNet5.Buffers();
var reference = new LeNet5.Buffers();

// Float sums in another order (and fused multiply-adds) differ in the last bits; relative to 1 + |expected|.
const double Tolerance = 1e-4;
int failures = 0;

// ---- A few synthetic inputs: the whole network against the reference, then the class scores.
(string Name, float[] Image)[] inputs =
[
    ("vertical stroke", Inputs.Stroke()),
    ("ring", Inputs.Ring()),
    ("cross", Inputs.Cross()),
    ("noise (seed 7)", Inputs.Noise(7)),
];

Console.WriteLine();
Console.WriteLine($"{"input",-16} {"argmax",6}  {"largest error",13}  class scores (softmax, 0 … 9)");
foreach ((string name, float[] image) in inputs)
{
    network.Forward(image, generated, useGenerated: true);
    network.Forward(image, reference, useGenerated: false);

    // Every layer, so a mismatch names the first one that differs.
    string? mismatch = null;
    foreach ((string layer, float[] expected, float[] actual) in generated.PairedWith(reference))
    {
        (double error, int index) = Compare.LargestError<float>(expected, actual);
        if (error > Tolerance)
        {
            mismatch ??= $"{layer}[{index}] is {actual[index]:R}, the reference gives {expected[index]:R}";
        }
    }

    (double logitError, _) = Compare.LargestError<float>(reference.Logits, generated.Logits);
    float[] scores = new float[10];
    TensorPrimitives.SoftMax(generated.Logits, scores);
    Console.WriteLine($"{name,-16} {TensorPrimitives.IndexOfMax(generated.Logits),6}  {logitError,13:0.0E+00}  " +
                      string.Join(" ", scores.Select(s => s.ToString("0.000"))));
    if (mismatch is not null)
    {
        failures++;
        Console.WriteLine($"  MISMATCH: {mismatch} (tolerance {Tolerance:0.0E+00})");
    }
}

// ---- Per-layer times on the first input: generated kernel against the reference kernel on the same data.
network.Forward(inputs[0].Image, generated, useGenerated: true);
network.Forward(inputs[0].Image, reference, useGenerated: false);
var timer = new KernelTimer(quick);
var g = generated;
(string Layer, double Generated, double Reference)[] times =
[
    ("C1 conv 5x5 1->6 +bias ReLU, 32x32", timer.BestMicroseconds(() => Layers.Conv1(g.Input, network.Conv1Weights, network.Conv1Bias, g.Conv1, 32, 32)),
                                           timer.BestMicroseconds(() => LeNet5.ReferenceConv1(network, g.Input, g.Conv1))),
    ("S2 avg pool 2x2, 6 x 28x28", timer.BestMicroseconds(() => Layers.Pool1(g.Conv1, g.Pool1, 28, 28)),
                                   timer.BestMicroseconds(() => LeNet5.ReferencePool1(g.Conv1, g.Pool1))),
    ("C3 conv 5x5 6->16 +bias ReLU, 14x14", timer.BestMicroseconds(() => Layers.Conv2(g.Pool1, network.Conv2Packed, network.Conv2Bias, g.Conv2, 14, 14)),
                                            timer.BestMicroseconds(() => LeNet5.ReferenceConv2(network, g.Pool1, g.Conv2))),
    ("S4 avg pool 2x2, 16 x 10x10", timer.BestMicroseconds(() => Layers.Pool2(g.Conv2, g.Pool2, 10, 10)),
                                    timer.BestMicroseconds(() => LeNet5.ReferencePool2(g.Conv2, g.Pool2))),
];
double dense = timer.BestMicroseconds(() => network.Dense(g));
double wholeGenerated = timer.BestMicroseconds(() => network.Forward(inputs[0].Image, g, useGenerated: true));
double wholeReference = timer.BestMicroseconds(() => network.Forward(inputs[0].Image, reference, useGenerated: false));

Console.WriteLine();
Console.WriteLine($"{"layer",-38} {"generated",10} {"reference",10} {"speed-up",9}");
foreach ((string layer, double gen, double refer) in times)
{
    Console.WriteLine($"{layer,-38} {KernelTimer.Format(gen),10} {KernelTimer.Format(refer),10} {refer / gen,8:0.0}x");
}

Console.WriteLine($"{"F5-F7 dense 400->120->84->10 (same)",-38} {KernelTimer.Format(dense),10} {KernelTimer.Format(dense),10} {"-",9}");
Console.WriteLine($"{"whole forward pass",-38} {KernelTimer.Format(wholeGenerated),10} {KernelTimer.Format(wholeReference),10} {wholeReference / wholeGenerated,8:0.0}x");
Console.WriteLine();
Console.WriteLine($"Times: one input, best of {(quick ? 5 : 25)} batches of calls after a warm-up. The dense layers are TensorPrimitives in both networks.");
Console.WriteLine($"Error: largest |generated − reference| / (1 + |reference|) of the logits; every layer is checked (tolerance {Tolerance:0.0E+00}).");
Console.WriteLine(failures == 0 ? "the generated network matches the reference on every input" : $"{failures} input(s) differ from the reference");
return failures == 0 ? 0 : 1;

/// <summary>LeNet-5's weights, and its forward pass through the generated layers or the reference kernels.</summary>
internal sealed class LeNet5
{
    public float[] Conv1Weights { get; }
    public float[] Conv1Bias { get; }
    public float[] Conv2Weights { get; }
    public float[] Conv2Bias { get; }

    /// <summary>C3's weights, copied once for the generated layer (which packs them at its first call).</summary>
    public PackedWeights<float> Conv2Packed { get; }

    private readonly (float[] Weights, float[] Bias, int In, int Out)[] dense;

    /// <summary>He-uniform weights (limit √(6 / fan-in)) and small biases, from a fixed seed.</summary>
    public LeNet5(int seed)
    {
        var random = new Random(seed);
        float[] Uniform(int count, double limit)
            => [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * limit))];

        Conv1Weights = Uniform(6 * 1 * 5 * 5, Math.Sqrt(6.0 / (1 * 5 * 5)));
        Conv1Bias = Uniform(6, 0.1);
        Conv2Weights = Uniform(16 * 6 * 5 * 5, Math.Sqrt(6.0 / (6 * 5 * 5)));
        Conv2Bias = Uniform(16, 0.1);
        Conv2Packed = new PackedWeights<float>(Conv2Weights);
        dense = [.. new[] { (400, 120), (120, 84), (84, 10) }.Select(d => (Uniform(d.Item1 * d.Item2, Math.Sqrt(6.0 / d.Item1)), Uniform(d.Item2, 0.1), d.Item1, d.Item2))];
    }

    /// <summary>Every layer's output, kept so the two networks can be compared layer by layer.</summary>
    public sealed class Buffers
    {
        public float[] Input { get; } = new float[32 * 32];
        public float[] Conv1 { get; } = new float[6 * 28 * 28];
        public float[] Pool1 { get; } = new float[6 * 14 * 14];
        public float[] Conv2 { get; } = new float[16 * 10 * 10];
        public float[] Pool2 { get; } = new float[16 * 5 * 5];
        public float[] Dense1 { get; } = new float[120];
        public float[] Dense2 { get; } = new float[84];
        public float[] Logits { get; } = new float[10];

        /// <summary>Each layer's output here against the same one in <paramref name="reference"/>.</summary>
        public IEnumerable<(string Layer, float[] Expected, float[] Actual)> PairedWith(Buffers reference)
        {
            yield return ("C1", reference.Conv1, Conv1);
            yield return ("S2", reference.Pool1, Pool1);
            yield return ("C3", reference.Conv2, Conv2);
            yield return ("S4", reference.Pool2, Pool2);
            yield return ("F5", reference.Dense1, Dense1);
            yield return ("F6", reference.Dense2, Dense2);
            yield return ("F7 (logits)", reference.Logits, Logits);
        }
    }

    /// <summary>The whole network on one 32 × 32 input; the logits end up in <paramref name="b"/>.Logits.</summary>
    public void Forward(ReadOnlySpan<float> image, Buffers b, bool useGenerated)
    {
        image.CopyTo(b.Input);
        if (useGenerated)
        {
            Layers.Conv1(b.Input, Conv1Weights, Conv1Bias, b.Conv1, 32, 32);
            Layers.Pool1(b.Conv1, b.Pool1, 28, 28);
            Layers.Conv2(b.Pool1, Conv2Packed, Conv2Bias, b.Conv2, 14, 14);
            Layers.Pool2(b.Conv2, b.Pool2, 10, 10);
        }
        else
        {
            ReferenceConv1(this, b.Input, b.Conv1);
            ReferencePool1(b.Conv1, b.Pool1);
            ReferenceConv2(this, b.Pool1, b.Conv2);
            ReferencePool2(b.Conv2, b.Pool2);
        }

        Dense(b);
    }

    // The same layers through ReferenceKernels: the shapes and options the attributes in Kernels.cs give.
    public static void ReferenceConv1(LeNet5 n, ReadOnlySpan<float> input, Span<float> output)
        => ReferenceKernels.Conv2D<float>(input, n.Conv1Weights, n.Conv1Bias, output, 32, 32, 5, 5, Padding.Valid,
                                          inChannels: 1, outChannels: 6, activation: Activation.Relu);

    public static void ReferencePool1(ReadOnlySpan<float> input, Span<float> output)
        => ReferenceKernels.AvgPool2D<float>(input, output, 28, 28, 2, 2, channels: 6);

    public static void ReferenceConv2(LeNet5 n, ReadOnlySpan<float> input, Span<float> output)
        => ReferenceKernels.Conv2D<float>(input, n.Conv2Weights, n.Conv2Bias, output, 14, 14, 5, 5, Padding.Valid,
                                          inChannels: 6, outChannels: 16, activation: Activation.Relu);

    public static void ReferencePool2(ReadOnlySpan<float> input, Span<float> output)
        => ReferenceKernels.AvgPool2D<float>(input, output, 10, 10, 2, 2, channels: 16);

    /// <summary>F5, F6 (each with ReLU) and F7, from <paramref name="b"/>.Pool2 to <paramref name="b"/>.Logits.</summary>
    public void Dense(Buffers b)
    {
        DenseLayer(dense[0], b.Pool2, b.Dense1, relu: true);
        DenseLayer(dense[1], b.Dense1, b.Dense2, relu: true);
        DenseLayer(dense[2], b.Dense2, b.Logits, relu: false);
    }

    /// <summary>y = W·x + b (W row-major [out, in]), then ReLU if asked: one TensorPrimitives.Dot per output.</summary>
    private static void DenseLayer((float[] Weights, float[] Bias, int In, int Out) layer, ReadOnlySpan<float> x, Span<float> y, bool relu)
    {
        ReadOnlySpan<float> weights = layer.Weights;
        for (int o = 0; o < layer.Out; o++)
        {
            y[o] = TensorPrimitives.Dot(weights.Slice(o * layer.In, layer.In), x[..layer.In]) + layer.Bias[o];
        }

        if (relu)
        {
            TensorPrimitives.Max(y[..layer.Out], 0f, y[..layer.Out]);
        }
    }
}

/// <summary>Synthetic 32 × 32 inputs in [0, 1]: shapes like handwritten strokes, and noise.</summary>
internal static class Inputs
{
    private const int Size = 32;

    public static float[] Stroke() => Draw((y, x) => Math.Abs(x - 16 + (y - 16) * 0.15) < 2 && y is >= 5 and < 27 ? 1 : 0);

    public static float[] Ring() => Draw((y, x) => Math.Abs(Math.Sqrt((y - 15.5) * (y - 15.5) / 1.4 + (x - 15.5) * (x - 15.5)) - 8) < 1.6 ? 1 : 0);

    public static float[] Cross() => Draw((y, x) => (Math.Abs(x - y) < 2 || Math.Abs(x + y - 31) < 2) && x is >= 6 and < 26 && y is >= 6 and < 26 ? 1 : 0);

    public static float[] Noise(int seed)
    {
        var random = new Random(seed);
        return Draw((_, _) => random.NextDouble());
    }

    private static float[] Draw(Func<int, int, double> pixel)
    {
        float[] image = new float[Size * Size];
        for (int y = 0; y < Size; y++)
        {
            for (int x = 0; x < Size; x++)
            {
                image[y * Size + x] = (float)pixel(y, x);
            }
        }

        return image;
    }
}
