namespace KernelGen;

/// <summary>The function applied to each convolution output after the bias is added.</summary>
public enum Activation
{
    /// <summary>The identity: <c>act(x) = x</c>.</summary>
    None = 0,

    /// <summary>The rectified linear unit: <c>act(x) = max(x, 0)</c> (a NaN stays NaN).</summary>
    Relu = 1,
}
