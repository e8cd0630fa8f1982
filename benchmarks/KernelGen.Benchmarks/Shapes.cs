namespace KernelGen.Benchmarks;

/// <summary>
/// One benchmark shape: its buffers, the generated kernel and the reference on them, and the work one call does.
/// </summary>
public sealed class Shape
{
    private readonly float[] _input, _weights, _bias, _output;
    private readonly Action<float[], float[], float[], float[]> _generated, _reference;

    private Shape(string name, string description, int inputLength, int weightLength, int biasLength, int outputLength, double work, string unit,
        Action<float[], float[], float[], float[]> generated, Action<float[], float[], float[], float[]> reference)
    {
        Name = name;
        Description = description;
        Work = work;
        Unit = unit;
        var random = new Random(42);
        _input = Fill(inputLength, random);
        _weights = Fill(weightLength, random);
        _bias = Fill(biasLength, random);
        _output = new float[outputLength];
        _generated = generated;
        _reference = reference;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Floating-point operations (convolutions: 2 per multiply-add) or output elements (pools) per call.</summary>
    public double Work { get; }

    /// <summary><c>GFLOP/s</c> or <c>elem/ns</c>.</summary>
    public string Unit { get; }

    public void RunGenerated() => _generated(_input, _weights, _bias, _output);

    public void RunReference() => _reference(_input, _weights, _bias, _output);

    /// <summary>The largest difference between generated and reference outputs, relative to the output's magnitude.</summary>
    public double Verify()
    {
        RunReference();
        float[] expected = (float[])_output.Clone();
        Array.Fill(_output, float.NaN);
        RunGenerated();
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - _output[i]) / (1 + Math.Abs(expected[i])));
        }

        return double.IsNaN(_output.Sum()) ? double.PositiveInfinity : worst;
    }

    private static float[] Fill(int length, Random random)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }

    /// <summary>The shapes of the quick table (a subset of the standard shape set).</summary>
    public static IReadOnlyList<Shape> All { get; } =
    [
        Conv("S2", "conv2d 3x3 valid, 1->1, 256x256", 256, 256, 3, Padding.Valid, 1, 1,
            (i, w, b, o) => BenchmarkKernels.Conv3x3Valid(i, w, o, 256, 256), bias: false),
        Conv("S3", "conv2d 3x3 same, 1->1, 1080x1920", 1080, 1920, 3, Padding.Same, 1, 1,
            (i, w, b, o) => BenchmarkKernels.Conv3x3Same(i, w, o, 1080, 1920), bias: false),
        Conv("S6", "conv2d 3x3 same, 16->16, 64x64, bias+ReLU", 64, 64, 3, Padding.Same, 16, 16,
            (i, w, b, o) => BenchmarkKernels.Conv3x3Same16(i, w, b, o, 64, 64), bias: true),
        new Shape("S10", "maxpool 2x2 stride 2, 64 ch, 112x112", 64 * 112 * 112, 0, 0, 64 * 56 * 56, 64 * 56 * 56, "elem/ns",
            (i, w, b, o) => BenchmarkKernels.MaxPool2x2(i, o, 112, 112),
            (i, w, b, o) => ReferenceKernels.MaxPool2D<float>(i, o, 112, 112, 2, 2, channels: 64)),
    ];

    private static Shape Conv(string name, string description, int height, int width, int k, Padding padding, int cin, int cout,
        Action<float[], float[], float[], float[]> generated, bool bias)
    {
        DimensionExtent rows = ShapeMath.Dimension(height, k, padding: padding), columns = ShapeMath.Dimension(width, k, padding: padding);
        int outputs = cout * rows.Output * columns.Output;
        return new Shape(name, description, cin * height * width, cout * cin * k * k, bias ? cout : 0, outputs,
            2.0 * outputs * cin * k * k, "GFLOP/s", generated,
            (i, w, b, o) => ReferenceKernels.Conv2D<float>(i, w, b, o, height, width, k, k, padding, inChannels: cin, outChannels: cout,
                activation: bias ? Activation.Relu : Activation.None));
    }
}
