namespace KernelGen.Kernels.Tests;

/// <summary>
/// Kernels declared with <see cref="PackedWeights{T}"/> weights: each channel-lane path packs the weights once and
/// reads that copy at every later call. The catalog names them <c>…_packed</c> and runs them like every other kernel;
/// <c>PackedWeightsTests</c> reuses one object across every size and path.
/// </summary>
public static partial class PackedWeightKernels
{
    // 512 bits: two vectors over one row, seven-column blocks on a padded copy, end blocks; 256 bits: two vectors over 4 columns.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 64, Activation = Activation.Relu)]
    public static partial void K3x3_Same_C32to64_Bias_Relu(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // In two chunks at both widths (one vector of 16 at 512 bits, two of 8 at 256), the second chunk's weights at their own offset.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 256, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K3x3_Same_C256to16_Bias_Relu(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // Strided: every map on a padded copy; in chunks at 256 bits only.
    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 128, OutChannels = 32, Activation = Activation.Relu)]
    public static partial void K3x3_Same_S2_C128to32_Bias_Relu(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // Groups: the blocks of the second group at their own offsets.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 32, Groups = 2, Activation = Activation.Relu)]
    public static partial void K3x3_Same_C32to32_G2_Bias_Relu(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // A flipped, dilated window: the taps reversed in the packed copy.
    [Conv2D(3, 3, Padding = Padding.Full, Dilation = 2, InChannels = 4, OutChannels = 32, Flip = true)]
    public static partial void K3x3_Full_D2_C4to32_Flip(ReadOnlySpan<float> input, PackedWeights<float> weights, Span<float> output, int height, int width);

    // 1 × 1: the flat map at stride 1, a padded copy at stride 2.
    [Conv2D(1, 1, InChannels = 24, OutChannels = 32, Activation = Activation.Relu)]
    public static partial void K1x1_C24to32_Bias_Relu(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(1, 1, Stride = 2, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K1x1_S2_C16to16_Bias_Relu(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // Double: 8 lanes at 512 bits.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 16, OutChannels = 16)]
    public static partial void K3x3_Same_C16to16_Double(ReadOnlySpan<double> input, PackedWeights<double> weights, Span<double> output, int height, int width);

    // No channel-lane path: the weights are read as given.
    [Conv2D(3, 3, Padding = Padding.Same)]
    public static partial void K3x3_Same(ReadOnlySpan<float> input, PackedWeights<float> weights, Span<float> output, int height, int width);

    [Conv1D(3, Padding = Padding.Same, InChannels = 4, OutChannels = 8)]
    public static partial void K3_Same_C4to8_Bias(ReadOnlySpan<float> input, PackedWeights<float> weights, ReadOnlySpan<float> bias, Span<float> output, int length);
}
