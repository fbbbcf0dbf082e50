namespace Smarketing.Domain.Agreements;

/// <summary>A buyer persona both departments agree to aim at.</summary>
public sealed class Persona
{
    public Guid Id { get; set; } = Guid.NewGuid();
    [System.Text.Json.Serialization.JsonRequired] public string Name { get; set; } = "";
    public List<string> JobTitles { get; set; } = [];
    public int? CompanySizeMin { get; set; }
    public int? CompanySizeMax { get; set; }
    public List<string> Industries { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public string Pains { get; set; } = "";
    public string Goals { get; set; } = "";
    public List<string> PreferredChannels { get; set; } = [];
    public string Notes { get; set; } = "";
}
