using Microsoft.CodeAnalysis;

namespace KernelGen.Generators.Diagnostics;

/// <summary>Every diagnostic KernelGen reports: one id per kind of mistake, each message saying what to write instead.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "KernelGen";

    public static readonly DiagnosticDescriptor MethodNotPartial = Error(
        "KG0001", "Kernel method must be a partial declaration without a body",
        "Method '{0}' must be a partial method declaration without a body: write '{1} partial void {0}(...);' and let KernelGen supply the body");

    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "KG0002", "Type containing a kernel must be partial",
        "Type '{0}' contains kernel '{1}' and must be declared partial: write 'partial {2} {0}'");

    public static readonly DiagnosticDescriptor ReturnNotVoid = Error(
        "KG0003", "Kernel method must return void",
        "Kernel '{0}' returns '{1}': declare it as 'partial void {0}(...)'; results are written to the output span");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "KG0004", "Kernel method must not be generic",
        "Kernel '{0}' must not have type parameters: declare one method per element type, with float or double spans");

    public static readonly DiagnosticDescriptor WrongParameters = Error(
        "KG0005", "Kernel method has the wrong parameters",
        "Kernel '{0}' has the wrong parameters for [{1}]: expected {2}");

    public static readonly DiagnosticDescriptor UnsupportedElementType = Error(
        "KG0006", "Kernel element type must be float or double",
        "Kernel '{0}' uses spans of '{1}': use ReadOnlySpan<float>/Span<float> or ReadOnlySpan<double>/Span<double>");

    public static readonly DiagnosticDescriptor MixedElementTypes = Error(
        "KG0007", "Kernel spans must share one element type",
        "Kernel '{0}' mixes float and double spans: use '{1}' in every span");

    public static readonly DiagnosticDescriptor NonPositiveArgument = Error(
        "KG0008", "Kernel size, stride, dilation and channel counts must be positive",
        "[{0}] {1} = {2} is not allowed: it must be at least 1");

    public static readonly DiagnosticDescriptor GroupsMustDivideChannels = Error(
        "KG0009", "Groups must divide both channel counts",
        "[{0}] Groups = {1} must divide InChannels = {2} and OutChannels = {3}: choose channel counts that are multiples of Groups");

    public static readonly DiagnosticDescriptor FullPaddingOnPool = Error(
        "KG0010", "Pooling does not take Padding.Full",
        "[{0}] does not support Padding.Full: use Padding.Valid or Padding.Same");

    public static readonly DiagnosticDescriptor WeightsWrongLength = Error(
        "KG0011", "Constant weights have the wrong length",
        "[{0}] Weights has {1} values, but OutChannels·(InChannels/Groups)·KH·KW = {2}·{3}·{4}·{5} = {6}: write exactly {6} values in [OutChannels, InChannels/Groups, KH, KW] order");

    public static readonly DiagnosticDescriptor MultipleKernelAttributes = Error(
        "KG0013", "A method takes one KernelGen attribute",
        "Method '{0}' carries both [{1}] and [{2}]: keep one KernelGen attribute per method");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
        "KG0014", "Padding and Activation must be defined values",
        "[{0}] {1} = {2} is not a defined value: use one of {3}");

    public static readonly DiagnosticDescriptor UnsupportedContainingType = Error(
        "KG0015", "Kernel must be declared in a partial class, struct or record",
        "Kernel '{0}' is declared in {1}: declare it in a partial class, struct or record that is not file-local");

    public static readonly DiagnosticDescriptor KernelTooLarge = Error(
        "KG0016", "Kernel is too large to index",
        "[{0}] needs {1} = {2}, more than int.MaxValue: use a smaller window, dilation or channel count");

    public static readonly DiagnosticDescriptor BiasNamedAsWeights = new(
        "KG0017", "With constant Weights, the span after the input is the bias",
        "[{0}] sets Weights, so kernel '{1}' takes no weights parameter and the span '{2}' is read as the bias: remove '{2}' if it holds the weights, or rename it 'bias' if it is the bias",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RowsLooped = new(
        "KG0100", "Large window is looped, not fully unrolled",
        "[{0}] has {1} taps, more than the {2} KernelGen fully unrolls: {3} to keep the generated code small",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
