using KernelGen.Generators.Helpers;

namespace KernelGen.Generators.Model;

/// <summary>The attribute's arguments once read and validated, with every default applied.</summary>
internal sealed record KernelOptions(
    int KernelHeight,
    int KernelWidth,
    int StrideHeight,
    int StrideWidth,
    int Dilation,
    int InChannels,
    int OutChannels,
    int Groups,
    PaddingMode Padding,
    bool Flip,
    bool Relu,
    EquatableArray<double> ConstantWeights);
