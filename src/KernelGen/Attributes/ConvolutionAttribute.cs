namespace KernelGen;

/// <summary>
/// The options shared by <see cref="Conv1DAttribute"/> and <see cref="Conv2DAttribute"/>.
/// For every output position, with stride <c>s</c>, dilation <c>d</c> and padding before <c>p</c>:
/// <code>out[o, y, x] = act(bias[o] + Σ_{c ∈ group(o)} Σ_{i,j} in[c, y·s + i·d − pTop, x·s + j·d − pLeft] · w[o, c − c0, i', j'])</code>
/// where positions outside the input read as zero.
/// </summary>
public abstract class ConvolutionAttribute : Attribute
{
    /// <summary>Zero padding of the input borders. Default <see cref="KernelGen.Padding.Valid"/>.</summary>
    public Padding Padding { get; set; } = Padding.Valid;

    /// <summary>Step between output positions, in every dimension. Default 1.</summary>
    public int Stride { get; set; } = 1;

    /// <summary>Spacing between the taps of the window, in every dimension. Default 1.</summary>
    public int Dilation { get; set; } = 1;

    /// <summary>Number of input channels (input layout <c>[InChannels, …]</c>). Default 1.</summary>
    public int InChannels { get; set; } = 1;

    /// <summary>Number of output channels (output layout <c>[OutChannels, …]</c>). Default 1.</summary>
    public int OutChannels { get; set; } = 1;

    /// <summary>
    /// Number of channel groups: output channel <c>o</c> sees only the <c>InChannels/Groups</c> input channels of
    /// its group. <c>Groups = InChannels = OutChannels</c> is a depthwise convolution. Default 1.
    /// </summary>
    public int Groups { get; set; } = 1;

    /// <summary>
    /// <see langword="true"/> for the mathematical convolution <c>(f * g)[n] = Σ_m f[m] g[n − m]</c> (the window is
    /// reversed in every dimension); the default <see langword="false"/> is cross-correlation, as in CNN layers.
    /// </summary>
    public bool Flip { get; set; }

    /// <summary>The activation applied after the bias. Default <see cref="KernelGen.Activation.None"/>.</summary>
    public Activation Activation { get; set; } = Activation.None;

    /// <summary>
    /// Constant weights baked into the kernel, of length <c>OutChannels·(InChannels/Groups)·KH·KW</c> in
    /// <c>[OutChannels, InChannels/Groups, KH, KW]</c> order. When set, the method has no weights parameter.
    /// </summary>
    public double[]? Weights { get; set; }
}
