using CommunitySafety.TestSupport;
using Xunit;

// One platform for the whole assembly; its tests run one at a time.
[assembly: AssemblyFixture(typeof(PlatformFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
