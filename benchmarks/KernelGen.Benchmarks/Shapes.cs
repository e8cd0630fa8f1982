using System.Numerics;
using System.Runtime.CompilerServices;
using KernelGen.Benchmarks.HandVectorized;
using KernelGen.Benchmarks.Onnx;

namespace KernelGen.Benchmarks;

/// <summary>A kernel call on a shape's buffers: input, weights, bias (empty when the shape has none), output.</summary>
public delegate void Kernel<T>(T[] input, T[] weights, T[] bias, T[] output);

/// <summary>Another implementation of a shape (ONNX Runtime), set up once on the shape's buffers; disposed with them.</summary>
public interface IPeerKernel : IDisposable
{
    void Run();
}

/// <summary>Sets up a peer on a shape's buffers: input, weights, bias (empty when the shape has none), output.</summary>
public delegate IPeerKernel PeerFactory<T>(T[] input, T[] weights, T[] bias, T[] output);

/// <summary>
/// A generated kernel taking <see cref="PackedWeights{T}"/>, bound to the shape's weights when they are allocated (as
/// an inference session packs its weights when it is created): the kernel packs them at its first call.
/// </summary>
public delegate Kernel<T> PackedKernelFactory<T>(T[] weights);

/// <summary>
/// What checking a shape found: each kernel's largest error against the reference, relative to <c>1 + |expected|</c>
/// (<see cref="Peer"/> null without a peer), and the reference call's thread CPU seconds (a slow reference is timed by it).
/// </summary>
public readonly record struct KernelErrors(double Generated, double HandVectorized, double? Peer, double ReferenceSeconds);

/// <summary>
/// The targets for one shape; <see langword="null"/> where the shape has none.
/// </summary>
/// <param name="OverReference">Minimum speed-up of the generated kernel over the reference.</param>
/// <param name="OverHand">Minimum speed-up of the generated kernel over the hand-vectorized one.</param>
/// <param name="PercentOfPeak">Minimum percent of the measured single-core FMA peak.</param>
/// <param name="BoundRatio">Maximum ratio of the generated kernel's time to its memory bound (<see cref="MemoryBound"/>).</param>
/// <param name="PeerRatio">Maximum ratio of the generated kernel's time to ONNX Runtime's.</param>
public sealed record Targets(double? OverReference = null, double? OverHand = null, double? PercentOfPeak = null, double? BoundRatio = null,
    double? PeerRatio = null);

/// <summary>
/// One shape of the standard set: its buffers, the three kernels on them (generated, hand-vectorized, reference),
/// its memory bound (one pass reading its input and writing its output), and the work one call does. Buffers are allocated by <see cref="Allocate"/>.
/// </summary>
public abstract class Shape(string name, string description, double work, bool isPool, Targets targets)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Floating-point operations per call (convolutions: 2 per multiply-add) or output elements (pools).</summary>
    public double Work { get; } = work;

    /// <summary>Pools report output elements per ns and have no FLOP peak.</summary>
    public bool IsPool { get; } = isPool;

    public Targets Targets { get; } = targets;

    /// <summary><see langword="true"/> for the float64 shapes (compared with the float64 peak).</summary>
    public abstract bool IsDouble { get; }

    /// <summary>Bytes of input the kernel reads and of output it writes (weights and bias not counted).</summary>
    public abstract (long Read, long Written) Bytes { get; }

    /// <summary>Multiply-adds per output element (0 for pools).</summary>
    public abstract double MultiplyAddsPerOutput { get; }

    public string Unit => IsPool ? "elem/ns" : "GFLOP/s";

    /// <summary>The largest error accepted against the reference, relative to <c>1 + |expected|</c>.</summary>
    public double Tolerance => IsDouble ? 1e-10 : 1e-4;

    public abstract void Allocate();

    public abstract void Release();

    public abstract void RunGenerated();

    /// <summary>
    /// Whether <see cref="RunGenerated"/> is a kernel taking <see cref="PackedWeights{T}"/> (packed once), with the same
    /// layer's kernel taking the weights as a span (repacking them on every call) as <see cref="RunSpanWeights"/>.
    /// </summary>
    public abstract bool HasPackedWeights { get; }

    /// <summary>The layer's generated kernel taking its weights as a span, where <see cref="HasPackedWeights"/>.</summary>
    public abstract void RunSpanWeights();

    public abstract void RunHandVectorized();

    public abstract void RunReference();

    /// <summary>The memory bound (<see cref="MemoryBound"/>): one pass reading the input and writing an output of the kernel's size.</summary>
    public abstract void RunBound();

    /// <summary>Whether the shape has a peer (ONNX Runtime) to time beside its kernels.</summary>
    public abstract bool HasPeer { get; }

    public abstract void RunPeer();

    /// <summary>Runs the reference, then the generated and the hand-vectorized kernel and the peer on an output filled with NaN, and
    /// returns each one's largest error relative to <c>1 + |expected|</c> (infinity for a NaN left in the output).</summary>
    public abstract KernelErrors Verify();

    public static IReadOnlyList<Shape> All { get; } = CreateAll();

    /// <summary>
    /// The Same-padded multi-channel shapes again as Valid convolutions of an input one pixel larger on every side:
    /// the same outputs and FLOPs, no border code. Keyed by the shape they stand beside.
    /// </summary>
    public static IReadOnlyList<(string Of, Shape Interior)> BorderChecks { get; } =
    [
        ("S6", Conv2D<float>("S6 interior", "S6 as valid on 66x66", 66, 66, 3, Padding.Valid, 16, 16, 1, true, new Targets(),
            (i, w, b, o) => BenchmarkKernels.Conv3x3Valid16(i, w, b, o, 66, 66))),
        ("S7", Conv2D<float>("S7 interior", "S7 as valid on 58x58", 58, 58, 3, Padding.Valid, 64, 64, 1, true, new Targets(),
            (i, w, b, o) => BenchmarkKernels.Conv3x3Valid64(i, w, b, o, 58, 58))),
        ("S8", Conv2D<float>("S8 interior", "S8 as valid on 114x114", 114, 114, 3, Padding.Valid, 32, 32, 32, false, new Targets(),
            (i, w, b, o) => BenchmarkKernels.Depthwise3x3Valid32(i, w, o, 114, 114))),
    ];

    public static Shape Find(string name) => All.Single(s => s.Name == name);

    private static List<Shape> CreateAll()
    {
        const int n1 = 1 << 20;
        return
        [
            new Shape<float>("S1", "conv1d k=3 valid, 1 ch, n=1,048,576", n1, 3, 0, n1 - 2, 2.0 * 3 * (n1 - 2), false,
                new Targets(OverReference: 15),
                (i, w, b, o) => BenchmarkKernels.Conv1D3Valid(i, w, o, n1),
                (i, w, b, o) => HandVectorizedKernels.Conv1D<float>(i, w, default, o, n1, 3),
                (i, w, b, o) => ReferenceKernels.Conv1D<float>(i, w, default, o, n1, 3),
                (i, w, b, o) => new OnnxPeer(OnnxModel.Conv(Conv1DOnnx(n1), w, null, relu: false), Conv1DOnnx(n1), i, o)),
            Conv2D<float>("S2", "conv2d 3x3 valid, 1->1, 256x256", 256, 256, 3, Padding.Valid, 1, 1, 1, false,
                new Targets(OverReference: 30, OverHand: 2, PercentOfPeak: 35),
                (i, w, b, o) => BenchmarkKernels.Conv3x3Valid(i, w, o, 256, 256)),
            Conv2D<float>("S3", "conv2d 3x3 same, 1->1, 1080x1920", 1080, 1920, 3, Padding.Same, 1, 1, 1, false,
                new Targets(OverReference: 15, BoundRatio: 1.5),
                (i, w, b, o) => BenchmarkKernels.Conv3x3Same(i, w, o, 1080, 1920)),
            Conv2D<float>("S4", "conv2d 5x5 same, 1->1, 512x512", 512, 512, 5, Padding.Same, 1, 1, 1, false,
                new Targets(OverReference: 15, OverHand: 2, PercentOfPeak: 50),
                (i, w, b, o) => BenchmarkKernels.Conv5x5Same(i, w, o, 512, 512)),
            Conv2D<float>("S5", "conv2d 11x11 valid, 1->1, 1000x1000", 1000, 1000, 11, Padding.Valid, 1, 1, 1, false,
                new Targets(OverReference: 15, OverHand: 2, PercentOfPeak: 50),
                (i, w, b, o) => BenchmarkKernels.Conv11x11Valid(i, w, o, 1000, 1000)),
            Conv2D<float>("S6", "conv2d 3x3 same, 16->16, 64x64, bias+ReLU", 64, 64, 3, Padding.Same, 16, 16, 1, true,
                new Targets(OverReference: 15, PercentOfPeak: 60),
                (i, w, b, o) => BenchmarkKernels.Conv3x3Same16(i, w, b, o, 64, 64)),
            Conv2D<float>("S7", "conv2d 3x3 same, 64->64, 56x56, bias+ReLU", 56, 56, 3, Padding.Same, 64, 64, 1, true,
                new Targets(OverReference: 15, OverHand: 2, PercentOfPeak: 80),
                (i, w, b, o) => BenchmarkKernels.Conv3x3Same64(i, w, b, o, 56, 56)),
            Conv2D<float>("S8", "depthwise 3x3 same, 32 ch, 112x112", 112, 112, 3, Padding.Same, 32, 32, 32, false,
                new Targets(OverReference: 15, PercentOfPeak: 30),
                (i, w, b, o) => BenchmarkKernels.Depthwise3x3Same32(i, w, o, 112, 112)),
            Conv2D<float>("S9", "conv2d 5x5 valid, 1->6, 28x28", 28, 28, 5, Padding.Valid, 1, 6, 1, false,
                new Targets(OverReference: 15, PercentOfPeak: 30),
                (i, w, b, o) => BenchmarkKernels.Conv5x5Valid1To6(i, w, o, 28, 28)),
            LayerShapes.Pool2D("S10", "maxpool 2x2 stride 2, 64 ch, 112x112", new PoolLayer(IsMax: true, 64, 112, 112, 2, 2),
                new Targets(OverReference: 10, BoundRatio: 1.2, PeerRatio: 1),
                (i, w, b, o) => BenchmarkKernels.MaxPool2x2(i, o, 112, 112)),
            LayerShapes.Pool2D("S11", "avgpool 3x3 stride 1 same, 32 ch, 56x56", new PoolLayer(IsMax: false, 32, 56, 56, 3, 1, Padding.Same),
                new Targets(OverReference: 10, BoundRatio: 1.5, PeerRatio: 1),
                (i, w, b, o) => BenchmarkKernels.AvgPool3x3Same32(i, o, 56, 56)),
            Conv2D<double>("S2-f64", "S2 in double", 256, 256, 3, Padding.Valid, 1, 1, 1, false,
                new Targets(OverReference: 30, OverHand: 2, PercentOfPeak: 35),
                (i, w, b, o) => BenchmarkKernels.Conv3x3ValidDouble(i, w, o, 256, 256)),
            Conv2D<double>("S7-f64", "S7 in double", 56, 56, 3, Padding.Same, 64, 64, 1, true,
                new Targets(OverReference: 15, OverHand: 2, PercentOfPeak: 80),
                (i, w, b, o) => BenchmarkKernels.Conv3x3Same64Double(i, w, b, o, 56, 56)),
        ];
    }

    /// <summary>A square-window stride-1 2D convolution shape; with <paramref name="biasRelu"/> it has a bias and a ReLU.</summary>
    private static Shape<T> Conv2D<T>(string name, string description, int height, int width, int k, Padding padding,
        int inChannels, int outChannels, int groups, bool biasRelu, Targets targets, Kernel<T> generated)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        LayerShapes.Conv2D(name, description, new ConvLayer(inChannels, outChannels, height, width, k, 1, padding, groups, biasRelu, biasRelu),
            targets, generated);

    /// <summary>S1 for ONNX Runtime: a 1 x 3 window over a 1 x n map.</summary>
    private static OnnxLayer Conv1DOnnx(int length) => new(1, 1, 1, length, 1, 3, 1, 1, 1, Padding.Valid);
}

/// <summary>A shape in element type <typeparamref name="T"/>.</summary>
public sealed class Shape<T>(string name, string description, int inputLength, int weightLength, int biasLength, int outputLength,
    double work, bool isPool, Targets targets, Kernel<T> generated, Kernel<T> handVectorized, Kernel<T> reference,
    PeerFactory<T>? peer = null, PackedKernelFactory<T>? packed = null)
    : Shape(name, description, work, isPool, targets)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _input = [], _weights = [], _bias = [], _output = [], _boundOutput = [];
    private IPeerKernel? _peer;
    private Kernel<T>? _packed;

    public override bool IsDouble => typeof(T) == typeof(double);

    public override double MultiplyAddsPerOutput => IsPool ? 0 : Work / 2 / outputLength;

    public override (long Read, long Written) Bytes =>
        ((long)inputLength * Unsafe.SizeOf<T>(), (long)outputLength * Unsafe.SizeOf<T>());

    public override void Allocate()
    {
        if (_input.Length != 0)
        {
            return;
        }

        var random = new Random(42);
        _input = Fill(inputLength, random);
        _weights = Fill(weightLength, random);
        _bias = Fill(biasLength, random);
        _output = new T[outputLength];
        _boundOutput = new T[outputLength];
        _peer = peer?.Invoke(_input, _weights, _bias, _output);
        _packed = packed?.Invoke(_weights);
    }

    public override void Release()
    {
        _peer?.Dispose();
        _peer = null;
        _packed = null;
        _input = _weights = _bias = _output = _boundOutput = [];
    }

    public override void RunGenerated() => (_packed ?? generated)(_input, _weights, _bias, _output);

    public override bool HasPackedWeights => packed is not null;

    public override void RunSpanWeights() => generated(_input, _weights, _bias, _output);

    public override void RunHandVectorized() => handVectorized(_input, _weights, _bias, _output);

    public override void RunReference() => reference(_input, _weights, _bias, _output);

    public override void RunBound() => MemoryBound.Pass<T>(_input, _boundOutput);

    public override bool HasPeer => peer is not null;

    public override void RunPeer() => (_peer ?? throw new InvalidOperationException($"{Name} has no peer, or is not allocated.")).Run();

    public override KernelErrors Verify()
    {
        double start = CpuClock.Now();
        RunReference();
        double referenceSeconds = CpuClock.Now() - start;
        T[] expected = (T[])_output.Clone();
        double ErrorOf(Action kernel)
        {
            Array.Fill(_output, T.NaN);
            kernel();
            return Error(expected);
        }

        double generatedError = ErrorOf(RunGenerated);
        if (HasPackedWeights)
        {
            generatedError = Math.Max(generatedError, ErrorOf(RunSpanWeights)); // both generated kernels, checked alike
        }

        return new KernelErrors(generatedError, ErrorOf(RunHandVectorized), HasPeer ? ErrorOf(RunPeer) : null, referenceSeconds);
    }

    private double Error(T[] expected)
    {
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateTruncating(expected[i]), actual = double.CreateTruncating(_output[i]);
            double error = Math.Abs(e - actual) / (1 + Math.Abs(e));
            worst = double.IsNaN(error) ? double.PositiveInfinity : Math.Max(worst, error);
        }

        return worst;
    }

    private static T[] Fill(int length, Random random)
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        }

        return values;
    }
}
