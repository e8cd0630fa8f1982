namespace KernelGen.Kernels.Tests;

/// <summary>
/// The test assembly doubles as the child process of <see cref="GuardPageTests"/>, so that the guard-page run
/// checks the very kernels the other tests check (the test SDK's generated entry point is turned off in the
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

        Console.Error.WriteLine("Usage: dotnet KernelGen.Kernels.Tests.dll --guard-pages <batch>/<batches>   (run the tests with dotnet test)");
        return 2;
    }
}
