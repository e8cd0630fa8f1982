using System.Reflection;
using System.Text.RegularExpressions;
using KernelGen.Generators.Diagnostics;
using KernelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace KernelGen.Generators.Tests.Diagnostics;

/// <summary>The catalogue of diagnostics as a whole: unique ids, one category, errors that say what to write instead.</summary>
public sealed partial class DescriptorTests
{
    private static readonly DiagnosticDescriptor[] All = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void IdsAreUniqueAndFollowTheScheme()
    {
        Assert.Equal(17, All.Length);
        Assert.Equal(All.Length, All.Select(d => d.Id).Distinct().Count());
        Assert.All(All, d => Assert.Matches(IdPattern(), d.Id));
        Assert.All(All, d => Assert.Equal("KernelGen", d.Category));
        Assert.All(All, d => Assert.True(d.IsEnabledByDefault));
        Assert.Equal(["KG0017", "KG0100"], All.Where(d => d.DefaultSeverity != DiagnosticSeverity.Error).Select(d => d.Id));
    }

    [Fact]
    public void EveryErrorMessageSaysWhatToWriteInstead()
    {
        Assert.All(All.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error), d =>
        {
            string format = d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            DiagnosticVerifier.AssertSaysWhatToWrite(format);
            Assert.DoesNotContain("invalid", format, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void TrackingNamesAreTheDocumentedOnes()
    {
        Assert.Equal("KernelGen.Parse", TrackingNames.Parse);
        Assert.Equal("KernelGen.Specs", TrackingNames.Specs);
        Assert.Equal("KernelGen.Diagnostics", TrackingNames.Diagnostics);
    }

    [GeneratedRegex("^KG[0-9]{4}$")]
    private static partial Regex IdPattern();
}
