namespace KernelGen;

/// <summary>
/// The options shared by the pooling attributes. Padded positions take no part: a max is over the in-input
/// elements of the window, an average divides by their count. A NaN in a max-pool window gives NaN.
/// </summary>
public abstract class PoolingAttribute : Attribute
{
    /// <summary>Padding of the input borders: <see cref="KernelGen.Padding.Valid"/> (default) or <see cref="KernelGen.Padding.Same"/>.</summary>
    public Padding Padding { get; set; } = Padding.Valid;

    /// <summary>
    /// Step between windows, in every dimension, at least 1. When not set, the stride equals the window:
    /// its height down and its width across.
    /// </summary>
    public int Stride { get; set; }

    /// <summary>Number of channels pooled independently (layout <c>[Channels, …]</c>). Default 1.</summary>
    public int Channels { get; set; } = 1;
}
