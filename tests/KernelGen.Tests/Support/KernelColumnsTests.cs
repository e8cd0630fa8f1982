using System.ComponentModel;
using System.Reflection;

namespace KernelGen.Tests.Support;

/// <summary>
/// The column-range markers generated passes take as type arguments. They must stay distinct value types: the JIT
/// compiles a generic method separately for each value-type argument and folds the generated code's
/// <c>typeof(TColumns) == typeof(...)</c> tests there; reference types would share one copy that tests at run time.
/// </summary>
public sealed class KernelColumnsTests
{
    private static readonly Type[] Markers = [typeof(KernelColumns.Interior), typeof(KernelColumns.LeftEnd), typeof(KernelColumns.RightEnd), typeof(KernelColumns.SevenWide)];

    [Fact]
    public void Markers_AreDistinctEmptyValueTypes()
    {
        Assert.All(Markers, type =>
        {
            Assert.True(type.IsValueType, $"{type.Name} must be a struct");
            Assert.Empty(type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic));
        });
        Assert.Equal(Markers.Length, Markers.Distinct().Count());
        Assert.Equal(Markers.Length, typeof(KernelColumns).GetNestedTypes().Length);
    }

    [Fact]
    public void Markers_AreHiddenFromCompletion()
    {
        var attribute = typeof(KernelColumns).GetCustomAttribute<EditorBrowsableAttribute>();
        Assert.NotNull(attribute);
        Assert.Equal(EditorBrowsableState.Never, attribute.State);
    }
}
