using Smarketing.EndToEnd.Infrastructure;

// One app and one browser for the whole assembly; every test gets its own browser context.
[assembly: AssemblyFixture(typeof(SmarketingApp))]

// The tests share one server and one database (and some count users): run them one after another.
// Each test is a few seconds, so the suite stays short.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
