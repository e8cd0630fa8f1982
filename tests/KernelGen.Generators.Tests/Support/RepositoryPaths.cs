namespace KernelGen.Generators.Tests.Support;

/// <summary>Files of this repository that tests read (the kernel catalog, the ResNet-18 layer set).</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding KernelGen.sln, above the test's output folder.</summary>
    public static string Root()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KernelGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No KernelGen.sln above {AppContext.BaseDirectory}.");
    }
}
