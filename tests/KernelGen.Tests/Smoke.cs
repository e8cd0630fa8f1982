namespace KernelGen.Tests;
public class Smoke { [Fact] public void Runs() => Assert.Equal(5, ShapeMath.Dimension(5, 3, padding: Padding.Same).Output); }
