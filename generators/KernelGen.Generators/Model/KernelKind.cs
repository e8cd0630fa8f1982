namespace KernelGen.Generators.Model;

/// <summary>What a kernel computes per window.</summary>
internal enum KernelOperation
{
    /// <summary>Weighted sum (convolution or cross-correlation).</summary>
    Convolution,

    /// <summary>Maximum of the in-input elements.</summary>
    MaxPool,

    /// <summary>Mean of the in-input elements.</summary>
    AvgPool,
}

/// <summary>The element type of every span.</summary>
internal enum ElementType
{
    Float,
    Double,
}

/// <summary>Mirror of <c>KernelGen.Padding</c>: the generator does not reference the runtime library.</summary>
internal enum PaddingMode
{
    Valid = 0,
    Same = 1,
    Full = 2,
}
