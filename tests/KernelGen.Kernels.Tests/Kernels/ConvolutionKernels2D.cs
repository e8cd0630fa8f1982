namespace KernelGen.Kernels.Tests;

/// <summary>Conv2D kernels over float, spanning the option grid; the differential tests find them by reflection.</summary>
public static partial class Conv2DKernels
{
    [Conv2D(1, 1)]
    public static partial void K1x1(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(1, 1, InChannels = 3, OutChannels = 8)]
    public static partial void K1x1_C3to8(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(1, 1, Stride = 2, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K1x1_S2_C16to16_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(1, 3, Padding = Padding.Same)]
    public static partial void K1x3_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(1, 3, Padding = Padding.Full, Stride = 2)]
    public static partial void K1x3_Full_S2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 1, Padding = Padding.Same)]
    public static partial void K3x1_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 1, Dilation = 2)]
    public static partial void K3x1_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(2, 2)]
    public static partial void K2x2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(2, 2, Padding = Padding.Same)]
    public static partial void K2x2_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(2, 2, Padding = Padding.Full)]
    public static partial void K2x2_Full(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(2, 2, Padding = Padding.Same, Stride = 2, Flip = true)]
    public static partial void K2x2_Same_S2_Flip_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(2, 2, Stride = 3, InChannels = 3, OutChannels = 8)]
    public static partial void K2x2_S3_C3to8(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(2, 3, Padding = Padding.Same)]
    public static partial void K2x3_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 5, Stride = 2)]
    public static partial void K3x5_S2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 3, Padding = Padding.Same, Dilation = 2)]
    public static partial void K5x3_Same_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3)]
    public static partial void K3x3(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same)]
    public static partial void K3x3_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Full)]
    public static partial void K3x3_Full(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Stride = 2)]
    public static partial void K3x3_S2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2)]
    public static partial void K3x3_Same_S2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Stride = 3)]
    public static partial void K3x3_Same_S3(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Full, Stride = 3)]
    public static partial void K3x3_Full_S3(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Dilation = 2)]
    public static partial void K3x3_Same_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Stride = 2, Dilation = 2)]
    public static partial void K3x3_S2_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Full, Stride = 2, Dilation = 2)]
    public static partial void K3x3_Full_S2_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Flip = true)]
    public static partial void K3x3_Same_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Dilation = 2, Flip = true)]
    public static partial void K3x3_D2_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same)]
    public static partial void K3x3_Same_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Activation = Activation.Relu)]
    public static partial void K3x3_Same_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Activation = Activation.Relu)]
    public static partial void K3x3_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 3, OutChannels = 8, Activation = Activation.Relu)]
    public static partial void K3x3_Same_C3to8_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Stride = 2, InChannels = 3, OutChannels = 8)]
    public static partial void K3x3_S2_C3to8(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, InChannels = 16, OutChannels = 16)]
    public static partial void K3x3_C16to16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K3x3_Same_S2_C16to16_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // Channel-lane layouts (one output channel per lane; 2 × 8 output blocks with AVX-512, 1 × 8 with AVX2): borders on every side, groups,
    // flip with dilation and Full padding, asymmetric padding.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 32, OutChannels = 32, Groups = 2, Activation = Activation.Relu)]
    public static partial void K3x3_Same_C32to32_G2_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Full, Dilation = 2, InChannels = 4, OutChannels = 16, Flip = true)]
    public static partial void K3x3_Full_D2_C4to16_Flip_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // More input channels than one 128 KiB weight buffer holds: two chunks, the second resuming the first's partial sums.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 256, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K3x3_Same_C256to16_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // The 256-bit lanes alone (8 outputs: no 512-bit blocks), in two chunks: 176 channels of 5 × 5 weights for 8 outputs
    // exceed one 128 KiB buffer.
    [Conv2D(5, 5, Padding = Padding.Same, InChannels = 176, OutChannels = 8, Activation = Activation.Relu)]
    public static partial void K5x5_Same_C176to8_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // Two vectors of output channels per block, over one row (a window whose row pairs would not share input rows, and
    // whole pairs of 16 outputs): 1 × 1; strided with border rows, in chunks; end blocks on both sides with a flip.
    [Conv2D(1, 1, InChannels = 24, OutChannels = 32, Activation = Activation.Relu)]
    public static partial void K1x1_C24to32_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // Stride-1 1 × 1 layers run the blocks on their map reshaped to the block's rows (one row of all its pixels above; two
    // of half of them with one vector of 16 outputs a block, an odd pixel count keeping the map's own shape); in groups;
    // in chunks (2080 channels' weights for 32 outputs exceed the 256 KiB of a two-vector block).
    [Conv2D(1, 1, InChannels = 20, OutChannels = 48)]
    public static partial void K1x1_C20to48(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(1, 1, Padding = Padding.Same, InChannels = 32, OutChannels = 64, Groups = 2, Activation = Activation.Relu)]
    public static partial void K1x1_Same_C32to64_G2_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(1, 1, InChannels = 2080, OutChannels = 32)]
    public static partial void K1x1_C2080to32_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // Strided layers without padding run the lane blocks along the input's own rows (no copy): two vectors a block,
    // blocks of seven and a last block overlapping the one before; row pairs in chunks (240 channels of 3 × 3 weights
    // exceed one 128 KiB buffer at both widths).
    [Conv2D(3, 3, Stride = 2, InChannels = 24, OutChannels = 32, Activation = Activation.Relu)]
    public static partial void K3x3_S2_C24to32_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Stride = 2, InChannels = 240, OutChannels = 16)]
    public static partial void K3x3_S2_C240to16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 128, OutChannels = 32, Activation = Activation.Relu)]
    public static partial void K3x3_Same_S2_C128to32_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Full, Dilation = 2, InChannels = 4, OutChannels = 32, Flip = true)]
    public static partial void K3x3_Full_D2_C4to32_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    // Depthwise: maps up to 31 columns wide run on flattened padded copies of their planes.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Groups = 8, Activation = Activation.Relu)]
    public static partial void K3x3_Same_C8to8_G8_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Full, Dilation = 2, InChannels = 4, OutChannels = 4, Groups = 4, Flip = true)]
    public static partial void K5x5_Full_D2_C4to4_G4_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(2, 4, Padding = Padding.Same, InChannels = 3, OutChannels = 16)]
    public static partial void K2x4_Same_C3to16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 16, OutChannels = 16, Groups = 4)]
    public static partial void K3x3_Same_C16to16_G4(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 4, OutChannels = 6, Groups = 2)]
    public static partial void K3x3_Same_C4to6_G2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Full, Stride = 3, InChannels = 4, OutChannels = 6, Groups = 2, Flip = true)]
    public static partial void K3x3_Full_S3_C4to6_G2_Flip_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 8, Groups = 8)]
    public static partial void K3x3_Same_Depthwise8(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 8, OutChannels = 8, Groups = 8, Activation = Activation.Relu)]
    public static partial void K3x3_Same_S2_Depthwise8_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    // Depthwise, strided: at stride 2 the flattened planes' copy is split into stride phases, the rows dealt out by column
    // parity (in 512-, 256- and 128-bit rounds by the row's length); stride 3 keeps the row path.
    [Conv2D(5, 5, Padding = Padding.Full, Stride = 2, Dilation = 2, InChannels = 4, OutChannels = 4, Groups = 4, Flip = true)]
    public static partial void K5x5_Full_S2_D2_Depthwise4_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(4, 4, Padding = Padding.Same, Stride = 2, InChannels = 4, OutChannels = 4, Groups = 4)]
    public static partial void K4x4_Same_S2_Depthwise4(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Stride = 2, InChannels = 6, OutChannels = 6, Groups = 6)]
    public static partial void K3x3_S2_Depthwise6_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Stride = 3, InChannels = 4, OutChannels = 4, Groups = 4, Activation = Activation.Relu)]
    public static partial void K3x3_Same_S3_Depthwise4_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    // Depthwise with channels in vector lanes (AVX-512, output rows of 7 or 8 columns): 24 channels leave a last block
    // that overlaps the one before; 25 taps are transposed in overlapping pieces of 8, 7 taps in one of 7, 4 in one of 4;
    // a Full border can leave input rows narrower than the outputs'.
    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 24, OutChannels = 24, Groups = 24, Activation = Activation.Relu)]
    public static partial void K3x3_Same_Depthwise24_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, Stride = 2, InChannels = 16, OutChannels = 16, Groups = 16)]
    public static partial void K3x3_Same_S2_Depthwise16(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same, Dilation = 2, InChannels = 20, OutChannels = 20, Groups = 20, Flip = true)]
    public static partial void K5x5_Same_D2_Depthwise20_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(2, 2, Stride = 3, InChannels = 16, OutChannels = 16, Groups = 16)]
    public static partial void K2x2_S3_Depthwise16_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(1, 7, Padding = Padding.Same, InChannels = 17, OutChannels = 17, Groups = 17)]
    public static partial void K1x7_Same_Depthwise17(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Full, InChannels = 16, OutChannels = 16, Groups = 16, Activation = Activation.Relu)]
    public static partial void K3x3_Full_Depthwise16_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, InChannels = 8, OutChannels = 16, Groups = 8)]
    public static partial void K3x3_C8to16_G8(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 2, OutChannels = 5)]
    public static partial void K3x3_Same_C2to5(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, InChannels = 1, OutChannels = 8)]
    public static partial void K3x3_C1to8(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(3, 3, Padding = Padding.Same, InChannels = 8, OutChannels = 1)]
    public static partial void K3x3_Same_C8to1(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 5)]
    public static partial void K5x5(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same)]
    public static partial void K5x5_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Full, Flip = true)]
    public static partial void K5x5_Full_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same, Stride = 2)]
    public static partial void K5x5_Same_S2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same, Dilation = 2)]
    public static partial void K5x5_Same_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 8)]
    public static partial void K5x5_Same_S2_C3to8_Bias(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(5, 5, Padding = Padding.Same, Dilation = 2, InChannels = 8, OutChannels = 8, Groups = 8, Flip = true)]
    public static partial void K5x5_Same_D2_Depthwise8_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(7, 7, Padding = Padding.Same)]
    public static partial void K7x7_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(7, 7, Stride = 3)]
    public static partial void K7x7_S3(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(7, 7, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 8, Activation = Activation.Relu)]
    public static partial void K7x7_Same_S2_C3to8_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(7, 7, Padding = Padding.Full, Dilation = 2)]
    public static partial void K7x7_Full_D2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(1, 7, Padding = Padding.Same)]
    public static partial void K1x7_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(7, 1, Padding = Padding.Same, Stride = 2)]
    public static partial void K7x1_Same_S2(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(11, 11)]
    public static partial void K11x11(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(11, 11, Padding = Padding.Same)]
    public static partial void K11x11_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(11, 11, Padding = Padding.Full, Flip = true)]
    public static partial void K11x11_Full_Flip(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    [Conv2D(11, 11, Stride = 3, InChannels = 3, OutChannels = 8, Activation = Activation.Relu)]
    public static partial void K11x11_S3_C3to8_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    [Conv2D(16, 16, Padding = Padding.Same)]
    public static partial void K16x16_Same(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width);

    /// <summary>Channel lanes with two kernel rows of 5 weight vectors held at once (the output rows share their input rows).</summary>
    [Conv2D(5, 5, Padding = Padding.Same, InChannels = 16, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K5x5_Same_C16to16_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);

    /// <summary>A 7 x 7 stride-2 stem on channel lanes: one kernel row of 7 weight vectors at a time, on a padded copy.</summary>
    [Conv2D(7, 7, Padding = Padding.Same, Stride = 2, InChannels = 3, OutChannels = 16, Activation = Activation.Relu)]
    public static partial void K7x7_Same_S2_C3to16_Bias_Relu(ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int height, int width);
}
