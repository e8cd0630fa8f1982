using System.Numerics;

namespace KernelGen.Kernels.Tests;

public enum KernelFamily
{
    Conv1D,
    Conv2D,
    MaxPool1D,
    MaxPool2D,
    AvgPool1D,
    AvgPool2D,
}

/// <summary>
/// One generated kernel described with the parameters of its reference kernel (<see cref="ReferenceKernels"/>).
/// Pools use <see cref="InChannels"/> = <see cref="OutChannels"/> as their channel count and a null
/// <see cref="Stride"/> for "the window"; 1D kernels have <see cref="KernelHeight"/> 1 and are run with height 1.
/// </summary>
public abstract record KernelCase
{
    public required KernelFamily Family { get; init; }

    /// <summary>The generated method, <c>Type.Method</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The names the declaration gives its parameters, which the kernel's exceptions must use.</summary>
    public required KernelParameters Parameters { get; init; }

    public int KernelHeight { get; init; } = 1;

    public required int KernelWidth { get; init; }

    public Padding Padding { get; init; } = Padding.Valid;

    /// <summary>The stride in both dimensions; null on a pool means "equal to the window".</summary>
    public int? Stride { get; init; }

    public int Dilation { get; init; } = 1;

    public int InChannels { get; init; } = 1;

    public int OutChannels { get; init; } = 1;

    public int Groups { get; init; } = 1;

    public bool Flip { get; init; }

    public Activation Activation { get; init; } = Activation.None;

    public bool HasBias { get; init; }

    /// <summary>The weights baked in by the attribute's <c>Weights</c>, or null for run-time weights.</summary>
    public double[]? ConstantWeights { get; init; }

    /// <summary>
    /// Whether integer data gives exact results: always for run-time weights (the test draws integers), and for
    /// constant weights that are multiples of 1/4096 (binomial Gaussians, integer filters), not for e.g. 1/9.
    /// </summary>
    public bool ExactWithIntegers => ConstantWeights is null || ConstantWeights.All(w => Math.Abs(w * 4096 - Math.Round(w * 4096)) == 0);

    /// <summary>Whether the kernel takes its weights as a <see cref="PackedWeights{T}"/> (a copy: no span of the caller's to overlap).</summary>
    public bool PackedWeights { get; init; }

    public abstract Type ElementType { get; }

    public bool Is2D => Family is KernelFamily.Conv2D or KernelFamily.MaxPool2D or KernelFamily.AvgPool2D;

    public bool IsConvolution => Family is KernelFamily.Conv1D or KernelFamily.Conv2D;

    public bool IsMaxPool => Family is KernelFamily.MaxPool1D or KernelFamily.MaxPool2D;

    public bool IsAvgPool => Family is KernelFamily.AvgPool1D or KernelFamily.AvgPool2D;

    public int StrideHeight => Stride ?? (IsConvolution ? 1 : KernelHeight);

    public int StrideWidth => Stride ?? (IsConvolution ? 1 : KernelWidth);

    /// <summary>A readable, unique name, e.g. <c>Conv2D_3x3_same_s2_f32</c>.</summary>
    public string Name
    {
        get
        {
            var name = new System.Text.StringBuilder(Family.ToString());
            name.Append(Is2D ? $"_{KernelHeight}x{KernelWidth}" : $"_k{KernelWidth}");
            name.Append('_').Append(Padding.ToString().ToLowerInvariant());
            if (Stride is int s && (!IsConvolution || s != 1))
            {
                name.Append("_s").Append(s);
            }

            if (Dilation != 1)
            {
                name.Append("_d").Append(Dilation);
            }

            if (IsConvolution && (InChannels != 1 || OutChannels != 1))
            {
                name.Append($"_c{InChannels}to{OutChannels}");
            }
            else if (!IsConvolution && InChannels != 1)
            {
                name.Append("_c").Append(InChannels);
            }

            if (Groups != 1)
            {
                name.Append("_g").Append(Groups);
            }

            if (Flip)
            {
                name.Append("_flip");
            }

            if (HasBias)
            {
                name.Append("_bias");
            }

            if (Activation != Activation.None)
            {
                name.Append('_').Append(Activation.ToString().ToLowerInvariant());
            }

            if (ConstantWeights is not null)
            {
                name.Append("_const").Append(Method[(Method.LastIndexOf('.') + 1)..]);
            }

            if (PackedWeights)
            {
                name.Append("_packed");
            }

            name.Append(ElementType == typeof(float) ? "_f32" : "_f64");
            return name.ToString();
        }
    }

    public int InputLength(int height, int width) => InChannels * height * width;

    public int WeightsLength => IsConvolution ? OutChannels * (InChannels / Groups) * KernelHeight * KernelWidth : 0;

    public int BiasLength => HasBias ? OutChannels : 0;

    /// <summary>The output rows and columns for an input, from <see cref="ShapeMath.Dimension"/>; 0 when empty.</summary>
    public (int Height, int Width) OutputShape(int height, int width)
    {
        int dilation = IsConvolution ? Dilation : 1;
        int rows = ShapeMath.Dimension(height, KernelHeight, StrideHeight, dilation, Padding).Output;
        int columns = ShapeMath.Dimension(width, KernelWidth, StrideWidth, dilation, Padding).Output;
        return (rows, columns);
    }

    public int OutputLength(int height, int width)
    {
        (int rows, int columns) = OutputShape(height, width);
        return OutChannels * rows * columns;
    }

    /// <summary>Multiply-adds (or window elements) of one reference run, to keep the test time bounded.</summary>
    public long Cost(int height, int width)
    {
        long perOutput = (IsConvolution ? InChannels / Groups : 1) * (long)KernelHeight * KernelWidth;
        return OutputLength(height, width) * perOutput + InputLength(height, width);
    }

    /// <summary>Runs the generated kernel and the reference on random data of one size and compares them.</summary>
    public abstract CheckResult Check(int height, int width, int seed, bool exactInputSpans, bool integers = false);

    public override string ToString() => Name;
}

/// <summary>A <see cref="KernelCase"/> over <typeparamref name="T"/>, with the generated method to check.</summary>
public sealed record KernelCase<T> : KernelCase
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public required GeneratedKernel<T> Generated { get; init; }

    public override Type ElementType => typeof(T);

    public override CheckResult Check(int height, int width, int seed, bool exactInputSpans, bool integers = false)
        => Differential.Check(this, height, width, seed, exactInputSpans, integers);

    /// <summary>The reference kernel with this case's parameters.</summary>
    public void RunReference(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output,
        int height, int width, Activation activation)
    {
        ReadOnlySpan<T> b = HasBias ? bias : default;
        switch (Family)
        {
            case KernelFamily.Conv2D:
                ReferenceKernels.Conv2D(input, weights, b, output, height, width, KernelHeight, KernelWidth,
                    Padding, Stride ?? 1, Dilation, InChannels, OutChannels, Groups, Flip, activation);
                break;
            case KernelFamily.Conv1D:
                ReferenceKernels.Conv1D(input, weights, b, output, width, KernelWidth,
                    Padding, Stride ?? 1, Dilation, InChannels, OutChannels, Groups, Flip, activation);
                break;
            case KernelFamily.MaxPool2D:
                ReferenceKernels.MaxPool2D(input, output, height, width, KernelHeight, KernelWidth, Padding, Stride, InChannels);
                break;
            case KernelFamily.AvgPool2D:
                ReferenceKernels.AvgPool2D(input, output, height, width, KernelHeight, KernelWidth, Padding, Stride, InChannels);
                break;
            case KernelFamily.MaxPool1D:
                ReferenceKernels.MaxPool1D(input, output, width, KernelWidth, Padding, Stride, InChannels);
                break;
            case KernelFamily.AvgPool1D:
                ReferenceKernels.AvgPool1D(input, output, width, KernelWidth, Padding, Stride, InChannels);
                break;
            default:
                throw new InvalidOperationException($"Unknown family {Family}.");
        }
    }
}

/// <summary>
/// The declared names of a kernel's parameters (docs/semantics.md, “Method shapes”: names are free), null where the shape has no such
/// parameter (weights of a pool, bias without bias, height of a 1D kernel).
/// </summary>
public sealed record KernelParameters(string Input, string? Weights, string? Bias, string Output, string? Height, string Width);

/// <summary>The outcome of one size: the first mismatch (null when none) and how close the worst output came to its tolerance.</summary>
public sealed record CheckResult(int Height, int Width, int Outputs, string? Failure, double WorstErrorRatio);
