using AngleSharp.Dom;
using Smarketing.Domain.Common;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Leads.Lists;

/// <summary>The lead form's fields: each labelled in words, the email marked required, and the service's message under its own field.</summary>
public sealed class LeadFormFieldsTests : ComponentTest
{
    private static IElement FieldOf(IRenderedComponent<LeadFormHost> form, string name) =>
        form.Find($"input[name='{name}']").Closest(".mud-input-control")!;

    private static string LabelOf(IRenderedComponent<LeadFormHost> form, string name)
    {
        var input = form.Find($"input[name='{name}']");
        return form.Find($"label[for='{input.Id}']").TextContent.Trim();
    }

    [Theory]
    [InlineData("Email", "Email (required)")]
    [InlineData("FirstName", "First name")]
    [InlineData("LastName", "Last name")]
    [InlineData("Title", "Job title")]
    [InlineData("Country", "Country (e.g. US)")]
    [InlineData("Company", "Company")]
    [InlineData("CompanySize", "Employees")]
    [InlineData("Industry", "Industry")]
    [InlineData("Source", "Source (e.g. Demo request, Webinar)")]
    [InlineData("Campaign", "Campaign")]
    [InlineData("EngagementScore", "Engagement score (0-1000)")]
    [InlineData("ExternalId", "External id (from another system)")]
    public void EveryField_HasItsLabel_TiedToItsInput(string name, string label) =>
        LabelOf(Render<LeadFormHost>(), name).ShouldBe(label);

    [Fact]
    public void TheFields_AreGroupedUnderContact_Company_AndWhereItCameFrom()
    {
        var form = Render<LeadFormHost>();

        form.FindAll("fieldset.form-group > legend").Select(l => l.TextContent.Trim()).ShouldBe(["Contact", "Company", "Where it came from"]);
    }

    [Fact]
    public void AnEmptyFormShowsNoMessages()
    {
        var form = Render<LeadFormHost>();

        form.FindAll(".mud-input-helper-text.mud-input-error").ShouldBeEmpty();
    }

    [Fact]
    public async Task TheServicesMessage_ShowsUnderTheFieldItIsAbout_AndOnlyThere()
    {
        var form = Render<LeadFormHost>();

        await form.InvokeAsync(() => form.Instance.Errors.Show(Result.Invalid(new Dictionary<string, string[]>
        {
            ["Email"] = ["Email is required."],
            ["EngagementScore"] = ["Engagement score must be between 0 and 1000."],
        })));

        form.WaitForAssertion(() => FieldOf(form, "Email").QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Trim().ShouldBe("Email is required."));
        FieldOf(form, "EngagementScore").QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Trim().ShouldBe("Engagement score must be between 0 and 1000.");
        FieldOf(form, "FirstName").QuerySelector(".mud-input-helper-text.mud-input-error").ShouldBeNull();
        form.Find("[role=alert]").TextContent.ShouldContain("Some fields need attention");
    }

    [Fact]
    public async Task FixingAField_ClearsItsMessage_AndLeavesTheOthers()
    {
        var form = Render<LeadFormHost>();
        await form.InvokeAsync(() => form.Instance.Errors.Show(Result.Invalid(new Dictionary<string, string[]>
        {
            ["Email"] = ["Email is required."],
            ["EngagementScore"] = ["Engagement score must be between 0 and 1000."],
        })));

        form.Find("input[name='EngagementScore']").Change("10");

        form.WaitForAssertion(() => FieldOf(form, "EngagementScore").QuerySelector(".mud-input-helper-text.mud-input-error").ShouldBeNull());
        FieldOf(form, "Email").QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Trim().ShouldBe("Email is required.");
        form.Instance.Model.EngagementScore.ShouldBe(10);
    }
}
