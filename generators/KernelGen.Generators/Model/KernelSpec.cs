using KernelGen.Generators.Helpers;

namespace KernelGen.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one kernel, parsed from an attributed partial method. A value: it holds
/// no symbol, syntax node or location, so that an unchanged declaration compares equal across runs and its
/// output stays cached.
/// </summary>
/// <param name="Options">The attribute's arguments, validated and with every default applied.</param>
/// <param name="TakesPackedWeights">
/// Whether the weights parameter is a <c>KernelGen.PackedWeights&lt;T&gt;</c> (copied once, and packed once per
/// channel-lane path) rather than a <c>ReadOnlySpan&lt;T&gt;</c> (packed on every call).
/// </param>
internal sealed record KernelSpec(
    string AttributeName,
    KernelOperation Operation,
    bool Is2D,
    ElementType Element,
    KernelOptions Options,
    bool HasBias,
    MethodShape Method,
    bool TakesPackedWeights = false)
{
    public int KernelHeight => Options.KernelHeight;

    public int KernelWidth => Options.KernelWidth;

    public int StrideHeight => Options.StrideHeight;

    public int StrideWidth => Options.StrideWidth;

    public int Dilation => Options.Dilation;

    public int InChannels => Options.InChannels;

    public int OutChannels => Options.OutChannels;

    public int Groups => Options.Groups;

    public PaddingMode Padding => Options.Padding;

    public bool Flip => Options.Flip;

    public bool Relu => Options.Relu;

    /// <summary>The attribute's <c>Weights</c>, <c>[OutChannels, InChannels/Groups, KH, KW]</c>; empty for run-time weights.</summary>
    public EquatableArray<double> ConstantWeights => Options.ConstantWeights;

    /// <summary>Whether the weights are baked in from the attribute's <c>Weights</c> (the method then has no weights parameter).</summary>
    public bool HasConstantWeights => ConstantWeights.Count > 0;
}

/// <summary>The declaration the generated implementation must repeat, and where it lives.</summary>
/// <param name="Namespace">The containing namespace, or empty for the global one.</param>
/// <param name="ContainingTypes">Outermost first.</param>
/// <param name="Modifiers">The method's modifiers as written, e.g. <c>public static partial</c>.</param>
/// <param name="Name">The method name.</param>
/// <param name="ParameterNames">The parameter names as written, in order.</param>
/// <param name="IsExtension">Whether the first parameter carries <c>this</c>.</param>
internal sealed record MethodShape(
    string Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Modifiers,
    string Name,
    EquatableArray<string> ParameterNames,
    bool IsExtension);

/// <summary>A type around the method: <c>Keyword</c> such as <c>partial class</c> or <c>partial record struct</c>, and its name with type parameters.</summary>
internal sealed record ContainingType(string Keyword, string NameWithTypeParameters, string MetadataName);
