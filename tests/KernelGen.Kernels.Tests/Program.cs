namespace KernelGen.Kernels.Tests;

/// <summary>
/// The test assembly doubles as the child process of <see cref="GuardPageTests"/> and <see cref="SmallStackTests"/>,
/// so that those runs check the very kernels the other tests check (the test SDK's generated entry point is turned off in the
/// project file). The test runner never calls this.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--guard-pages", string batch])
        {
            return GuardPageChild.Run(batch);
        }

        if (args is ["--guard-pages-self-test"])
        {
            return GuardPageChild.ReadPastTheEnd();
        }

        if (args is ["--small-stack", string kib] && int.TryParse(kib, out int stackKiB) && stackKiB > 0)
        {
            return SmallStackChild.Run(stackKiB);
        }

        if (args is ["--stack-depth"])
        {
            return SmallStackChild.Depth();
        }

        Console.Error.WriteLine("Usage: dotnet KernelGen.Kernels.Tests.dll --guard-pages <batch>/<batches> | --small-stack <KiB> | --stack-depth   (run the tests with dotnet test)");
        return 2;
    }
}
