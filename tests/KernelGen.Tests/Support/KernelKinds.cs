using System.Numerics;

namespace KernelGen.Tests.Support;

/// <summary>Calls one reference kernel with a fixed geometry and the given spans and sizes (height ignored in 1D).</summary>
internal delegate void KernelCall<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output, int height, int width);

/// <summary>
/// One reference kernel with a fixed geometry and the default input size it is called with. The span lengths
/// that shape needs are worked out by hand here (not through <see cref="ShapeMath"/>).
/// </summary>
internal sealed record KernelKind<T>(
    string Name, bool Is2D, bool HasWeights, int Height, int Width, int WindowHeight, int WindowWidth,
    int InputLength, int WeightsLength, int BiasLength, int OutputLength, KernelCall<T> Call)
{
    /// <summary>The size parameters of the method: (height, width) in 2D, (length) in 1D.</summary>
    public IEnumerable<(string Name, bool IsHeight)> SizeParameters
        => Is2D ? [("height", true), ("width", false)] : [("length", false)];
}

internal static class KernelKinds
{
    public static readonly TheoryData<string> Names = new() { "Conv1D", "Conv2D", "MaxPool1D", "AvgPool1D", "MaxPool2D", "AvgPool2D" };

    public static KernelKind<T> Get<T>(string name)
        where T : unmanaged, IFloatingPointIeee754<T>
        => name switch
        {
            // 2 in, 3 out, 3 taps, length 7: input 2·7 = 14, weights 3·2·3 = 18, bias 3, output 3·(7 − 3 + 1) = 15
            "Conv1D" => new(name, false, true, 1, 7, 1, 3, 14, 18, 3, 15,
                (i, w, b, o, _, width) => ReferenceKernels.Conv1D(i, w, b, o, width, 3, inChannels: 2, outChannels: 3)),

            // 2 in, 3 out, 2 × 3 window, 4 × 5: input 2·4·5 = 40, weights 3·2·2·3 = 36, bias 3, output 3·3·3 = 27
            "Conv2D" => new(name, true, true, 4, 5, 2, 3, 40, 36, 3, 27,
                (i, w, b, o, height, width) => ReferenceKernels.Conv2D(i, w, b, o, height, width, 2, 3, inChannels: 2, outChannels: 3)),

            // 2 channels, size 2, length 7, default stride 2: input 14, output 2·floor((7 − 2)/2 + 1) = 6
            "MaxPool1D" => new(name, false, false, 1, 7, 1, 2, 14, 0, 0, 6,
                (i, _, _, o, _, width) => ReferenceKernels.MaxPool1D(i, o, width, 2, channels: 2)),
            "AvgPool1D" => new(name, false, false, 1, 7, 1, 2, 14, 0, 0, 6,
                (i, _, _, o, _, width) => ReferenceKernels.AvgPool1D(i, o, width, 2, channels: 2)),

            // 2 channels, 2 × 3 window, 5 × 7, default stride 2 down and 3 across: input 70, output 2·2·2 = 8
            "MaxPool2D" => new(name, true, false, 5, 7, 2, 3, 70, 0, 0, 8,
                (i, _, _, o, height, width) => ReferenceKernels.MaxPool2D(i, o, height, width, 2, 3, channels: 2)),
            "AvgPool2D" => new(name, true, false, 5, 7, 2, 3, 70, 0, 0, 8,
                (i, _, _, o, height, width) => ReferenceKernels.AvgPool2D(i, o, height, width, 2, 3, channels: 2)),

            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown kernel kind"),
        };
}
