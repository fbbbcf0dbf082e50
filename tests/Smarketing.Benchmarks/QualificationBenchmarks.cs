using BenchmarkDotNet.Attributes;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.Benchmarks;

/// <summary>
/// Qualifying one lead against the demo lead definition (2 fit rules, 4 scoring rules, 3 grades, 3 personas), with
/// the explanation lines the lead page shows. The reference is the same definition written by hand as if-statements,
/// with no explanation: what a rule engine costs over hard-coding the rules.
/// </summary>
[MemoryDiagnoser]
public class QualificationBenchmarks
{
    private readonly AgreementContent _agreement = DemoAgreement.Version1();
    private readonly LeadFacts _lead = new(800, "Software", "US", "IT Director", "Demo request", "Compliance e-book", 35);

    [GlobalSetup]
    public void CheckTheReferenceAgrees()
    {
        var verdict = Qualify();
        var reference = HardCoded();
        if (verdict.IsMql != reference.IsMql || verdict.Score != reference.Score || verdict.Grade != reference.Grade)
        {
            throw new InvalidOperationException($"Qualification gave {verdict.Summary}; the hand-written rules {reference}.");
        }
    }

    [Benchmark(Description = "Qualify one lead (rules + reasons + persona)")]
    public QualificationVerdict Qualify() => Qualification.Evaluate(_agreement.LeadDefinition, _agreement.Personas, _lead, 1);

    [Benchmark(Baseline = true, Description = "reference: the demo rules hand-written")]
    public (bool IsMql, int Score, string Grade) HardCoded()
    {
        var fits = _lead.CompanySize >= 50 && _lead.Country is "US" or "CA";
        var score = _lead.EngagementScore
            + (_lead.Title?.Contains("Director", StringComparison.OrdinalIgnoreCase) == true ? 20 : 0)
            + (_lead.Industry is "Software" or "Financial services" or "Manufacturing" ? 15 : 0)
            + (_lead.CompanySize >= 500 ? 15 : 0)
            + (_lead.Source == "Demo request" ? 25 : 0);
        return (fits && score >= 60, score, score >= 90 ? "A" : score >= 75 ? "B" : "C");
    }
}
