namespace ResNet18Layers;

/// <summary>The source file size.sh touches before each incremental rebuild.</summary>
public static class Other
{
    public static int Answer() => 42;
}
