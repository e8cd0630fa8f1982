using KernelGen.Generators.Diagnostics;
using KernelGen.Generators.Helpers;
using KernelGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KernelGen.Generators;

public sealed partial class KernelGenerator
{
    /// <summary>Reads one KernelGen attribute's arguments, applies the defaults of the attributes (docs/semantics.md) and validates them.</summary>
    private sealed class AttributeArguments
    {
        private readonly AttributeData _data;
        private readonly KernelAttribute _attribute;
        private readonly Location _attributeLocation;
        private readonly AttributeSyntax? _syntax;

        public AttributeArguments(AttributeData data, KernelAttribute attribute, Location attributeLocation, CancellationToken cancellationToken)
        {
            _data = data;
            _attribute = attribute;
            _attributeLocation = attributeLocation;
            _syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        }

        public bool HasConstantWeights => Named("Weights") is { Kind: TypedConstantKind.Array, IsNull: false };

        public KernelOptions? Read(ElementType element, List<Diagnostic> diagnostics)
        {
            int errorsBefore = diagnostics.Count;
            bool is2D = _attribute.Is2D;
            int kernelHeight = is2D ? Positional(0) : 1;
            int kernelWidth = Positional(is2D ? 1 : 0);
            string heightName = _attribute.IsConvolution ? "kernelHeight" : "height";
            string widthName = _attribute.IsConvolution ? (is2D ? "kernelWidth" : "kernelSize") : (is2D ? "width" : "size");
            if (is2D)
            {
                RequirePositive(heightName, kernelHeight, PositionalLocation(0), diagnostics);
            }

            RequirePositive(widthName, kernelWidth, PositionalLocation(is2D ? 1 : 0), diagnostics);

            int padding = NamedInt("Padding", 0);
            if (padding is < 0 or > 2)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UndefinedEnumValue, NamedLocation("Padding"),
                    _attribute.Name, "Padding", padding, "Padding.Valid, Padding.Same, Padding.Full"));
            }
            else if (padding == (int)PaddingMode.Full && !_attribute.IsConvolution)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.FullPaddingOnPool, NamedLocation("Padding"), _attribute.Name));
            }

            int strideHeight, strideWidth, dilation = 1, inChannels, outChannels, groups = 1;
            bool flip = false, relu = false;
            EquatableArray<double> constantWeights = EquatableArray<double>.Empty;
            if (_attribute.IsConvolution)
            {
                strideHeight = strideWidth = NamedPositive("Stride", 1, diagnostics);
                dilation = NamedPositive("Dilation", 1, diagnostics);
                inChannels = NamedPositive("InChannels", 1, diagnostics);
                outChannels = NamedPositive("OutChannels", 1, diagnostics);
                groups = NamedPositive("Groups", 1, diagnostics);
                flip = Named("Flip")?.Value is true;
                int activation = NamedInt("Activation", 0);
                if (activation is < 0 or > 1)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UndefinedEnumValue, NamedLocation("Activation"),
                        _attribute.Name, "Activation", activation, "Activation.None, Activation.Relu"));
                }

                relu = activation == 1;
                if (groups > 0 && inChannels > 0 && outChannels > 0 && (inChannels % groups != 0 || outChannels % groups != 0))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.GroupsMustDivideChannels, NamedLocation("Groups"),
                        _attribute.Name, groups, inChannels, outChannels));
                }

                constantWeights = ReadWeights(kernelHeight, kernelWidth, inChannels, outChannels, groups, diagnostics);
            }
            else
            {
                // An unset pooling stride is the window itself: its height down and its width across.
                bool strideSet = Named("Stride") is not null;
                int stride = NamedPositive("Stride", 1, diagnostics);
                strideHeight = strideSet ? stride : kernelHeight;
                strideWidth = strideSet ? stride : kernelWidth;
                inChannels = outChannels = NamedPositive("Channels", 1, diagnostics);
            }

            if (diagnostics.Count == errorsBefore)
            {
                CheckIndexable(kernelHeight, kernelWidth, dilation, inChannels, outChannels, groups, diagnostics);
            }

            return diagnostics.Count > errorsBefore
                ? null
                : new KernelOptions(kernelHeight, kernelWidth, strideHeight, strideWidth, dilation, inChannels, outChannels, groups,
                    (PaddingMode)padding, flip, relu, constantWeights);
        }

        // The constant weights, once their length is known to match the shape (checked only when the shape itself is valid).
        private EquatableArray<double> ReadWeights(int kernelHeight, int kernelWidth, int inChannels, int outChannels, int groups, List<Diagnostic> diagnostics)
        {
            if (Named("Weights") is not { Kind: TypedConstantKind.Array, IsNull: false } weights
                || kernelHeight <= 0 || kernelWidth <= 0 || inChannels <= 0 || outChannels <= 0 || groups <= 0
                || inChannels % groups != 0 || outChannels % groups != 0)
            {
                return EquatableArray<double>.Empty;
            }

            long expected = (long)outChannels * (inChannels / groups) * kernelHeight * kernelWidth;
            if (weights.Values.Length != expected)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.WeightsWrongLength, NamedLocation("Weights"), _attribute.Name,
                    weights.Values.Length, outChannels, inChannels / groups, kernelHeight, kernelWidth, expected));
                return EquatableArray<double>.Empty;
            }

            return weights.Values.Select(v => v.Value is double d ? d : Convert.ToDouble(v.Value, System.Globalization.CultureInfo.InvariantCulture)).ToEquatableArray();
        }

        // Every constant the emitter writes (tap offsets, weight indices) must fit an int.
        private void CheckIndexable(int kernelHeight, int kernelWidth, int dilation, int inChannels, int outChannels, int groups, List<Diagnostic> diagnostics)
        {
            long reach = (long)dilation * (Math.Max(kernelHeight, kernelWidth) - 1) + 1;
            // A pool has no weights; its window (KH·KW taps per channel) must still be indexable.
            long weights = _attribute.IsConvolution
                ? (long)outChannels * (inChannels / groups) * kernelHeight * kernelWidth
                : (long)kernelHeight * kernelWidth;
            if (reach > int.MaxValue)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.KernelTooLarge, _attributeLocation, _attribute.Name,
                    "the dilated window Dilation·(K − 1) + 1", reach));
            }
            else if (weights > int.MaxValue)
            {
                string what = _attribute.IsConvolution ? "the weights OutChannels·(InChannels/Groups)·KH·KW" : "the window KH·KW";
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.KernelTooLarge, _attributeLocation, _attribute.Name, what, weights));
            }
        }

        private int Positional(int index)
            => index < _data.ConstructorArguments.Length && _data.ConstructorArguments[index].Value is int value ? value : 0;

        private TypedConstant? Named(string name)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in _data.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private int NamedInt(string name, int fallback) => Named(name)?.Value is int value ? value : fallback;

        private int NamedPositive(string name, int fallback, List<Diagnostic> diagnostics)
        {
            int value = NamedInt(name, fallback);
            RequirePositive(name, value, NamedLocation(name), diagnostics);
            return value;
        }

        private void RequirePositive(string name, int value, Location location, List<Diagnostic> diagnostics)
        {
            if (value <= 0)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NonPositiveArgument, location, _attribute.Name, name, value));
            }
        }

        private Location NamedLocation(string name)
            => _syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == name)?.GetLocation()
               ?? _attributeLocation;

        private Location PositionalLocation(int index)
        {
            var positional = _syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList();
            return positional is not null && index < positional.Count && positional.All(a => a.NameColon is null)
                ? positional[index].GetLocation()
                : _attributeLocation;
        }
    }
}
