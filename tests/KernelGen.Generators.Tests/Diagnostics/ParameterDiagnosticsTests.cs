using KernelGen.Generators.Tests.Support;

namespace KernelGen.Generators.Tests.Diagnostics;

/// <summary>docs/semantics.md, “Method shapes” and “Errors at compile time”: the fixed parameter list, and its element type (float or double, one for all spans).</summary>
public sealed class ParameterDiagnosticsTests
{
    private const string Conv2DExpected =
        "expected (ReadOnlySpan<float> input, ReadOnlySpan<float> weights, [ReadOnlySpan<float> bias,] Span<float> output, int height, int width), the bias being optional";

    [Theory]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> extra, Span<float> output, int height, int width")]
    [InlineData("")]
    public void KG0005_WrongCount(string parameters)
        => VerifyWrongParameters("Conv2D(3, 3)", parameters, "Kernel 'Kernel' has the wrong parameters for [Conv2D]", Conv2DExpected);

    [Theory]
    [InlineData("Span<float> output, ReadOnlySpan<float> input, ReadOnlySpan<float> weights, int height, int width")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, int height, int width, Span<float> output")]
    [InlineData("int height, int width, ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output")]
    public void KG0005_WrongOrder(string parameters)
        => VerifyWrongParameters("Conv2D(3, 3)", parameters, Conv2DExpected);

    [Theory]
    [InlineData("Span<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ReadOnlySpan<float> output, int height, int width")]
    [InlineData("ReadOnlySpan<float> input, Span<float> weights, Span<float> output, int height, int width")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Memory<float> output, int height, int width")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, float[] output, int height, int width")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, long height, int width")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, uint width")]
    public void KG0005_WrongTypeOfParameter(string parameters)
        => VerifyWrongParameters("Conv2D(3, 3)", parameters, Conv2DExpected);

    [Theory]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, ref int height, int width")]
    [InlineData("in ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, out int width")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, ref Span<float> output, int height, int width")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, ref readonly int width")]
    [InlineData("scoped ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width")]
    public void KG0005_RefInOutOrScopedParameter(string parameters)
        => VerifyWrongParameters("Conv2D(3, 3)", parameters, Conv2DExpected);

    [Theory]
    [InlineData("MaxPool1D(2)", "ReadOnlySpan<double> input, Span<double> output, int height, int width",
        "expected (ReadOnlySpan<double> input, Span<double> output, int length)")]
    [InlineData("AvgPool2D(2, 2)", "ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, int height, int width",
        "expected (ReadOnlySpan<float> input, Span<float> output, int height, int width)")]
    [InlineData("MaxPool2D(2, 2)", "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width",
        "expected (ReadOnlySpan<float> input, Span<float> output, int height, int width)")]
    [InlineData("Conv1D(3)", "ReadOnlySpan<double> input, ReadOnlySpan<double> weights, Span<double> output, int height, int width",
        "expected (ReadOnlySpan<double> input, ReadOnlySpan<double> weights, [ReadOnlySpan<double> bias,] Span<double> output, int length), the bias being optional")]
    [InlineData("Conv2D(3, 3)", "ReadOnlySpan<double> input, Span<double> output, int height, int width",
        "expected (ReadOnlySpan<double> input, ReadOnlySpan<double> weights, [ReadOnlySpan<double> bias,] Span<double> output, int height, int width)")]
    public void KG0005_MessageIsTheExpectedListForTheAttributeAndElementType(string attribute, string parameters, string expected)
        => VerifyWrongParameters(attribute, parameters, expected);

    [Theory]
    [InlineData("ReadOnlySpan<int> input, ReadOnlySpan<int> weights, Span<int> output, int height, int width", "'int'")]
    [InlineData("ReadOnlySpan<Half> input, ReadOnlySpan<Half> weights, Span<Half> output, int height, int width", "'System.Half'")]
    [InlineData("ReadOnlySpan<float> input, ReadOnlySpan<float> weights, Span<byte> output, int height, int width", "'byte'")]
    [InlineData("ReadOnlySpan<decimal> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width", "'decimal'")]
    public void KG0006_ElementTypeNotFloatOrDouble(string parameters, string named)
        => DiagnosticVerifier.Verify(MarkParameterList("Conv2D(3, 3)", parameters),
            "KG0006", messageContains: [$"uses spans of {named}", "use ReadOnlySpan<float>/Span<float> or ReadOnlySpan<double>/Span<double>"]);

    [Theory]
    [InlineData("Conv2D(3, 3)", "ReadOnlySpan<float> input, ReadOnlySpan<double> weights, Span<float> output, int height, int width", "use 'float' in every span")]
    [InlineData("Conv1D(3)", "ReadOnlySpan<double> input, ReadOnlySpan<double> weights, ReadOnlySpan<float> bias, Span<double> output, int length", "use 'double' in every span")]
    [InlineData("MaxPool2D(2, 2)", "ReadOnlySpan<double> input, Span<float> output, int height, int width", "use 'double' in every span")]
    public void KG0007_MixedFloatAndDouble(string attribute, string parameters, string remedy)
        => DiagnosticVerifier.Verify(MarkParameterList(attribute, parameters),
            "KG0007", messageContains: ["Kernel 'Kernel' mixes float and double spans", remedy]);

    // PackedWeights<T> takes the weights' place only: not the bias's, not a pool's, not beside constant weights.
    [Theory]
    [InlineData("Conv2D(3, 3)", "ReadOnlySpan<float> input, ReadOnlySpan<float> weights, PackedWeights<float> bias, Span<float> output, int height, int width")]
    [InlineData("Conv2D(3, 3)", "PackedWeights<float> input, ReadOnlySpan<float> weights, Span<float> output, int height, int width")]
    [InlineData("Conv2D(1, 2, Weights = new double[] { 1, 2 })", "ReadOnlySpan<float> input, PackedWeights<float> weights, Span<float> output, int height, int width")]
    [InlineData("MaxPool2D(2, 2)", "ReadOnlySpan<float> input, PackedWeights<float> weights, Span<float> output, int height, int width")]
    public void KG0005_PackedWeightsOutsideTheWeightsSlot(string attribute, string parameters)
        => VerifyWrongParameters(attribute, parameters, "expected (");

    [Fact]
    public void KG0006_PackedWeightsOfAnotherElementType()
        => DiagnosticVerifier.Verify(MarkParameterList("Conv2D(3, 3)", "ReadOnlySpan<int> input, PackedWeights<int> weights, Span<int> output, int height, int width"),
            "KG0006", messageContains: ["uses spans of 'int'"]);

    [Fact]
    public void KG0007_PackedWeightsOfTheOtherFloatingPointType()
        => DiagnosticVerifier.Verify(MarkParameterList("Conv2D(3, 3)", "ReadOnlySpan<float> input, PackedWeights<double> weights, Span<float> output, int height, int width"),
            "KG0007", messageContains: ["use 'float' in every span"]);

    private static void VerifyWrongParameters(string attribute, string parameters, params string[] expected)
        => DiagnosticVerifier.Verify(MarkParameterList(attribute, parameters), "KG0005", messageContains: expected);

    /// <summary>A one-kernel snippet whose parameter list, parentheses included, is the marked span.</summary>
    private static string MarkParameterList(string attribute, string parameters)
        => Snippets.Kernel(attribute, "PARAMETERS").Replace("Kernel(PARAMETERS)", $"Kernel[|({parameters})|]", StringComparison.Ordinal);
}
