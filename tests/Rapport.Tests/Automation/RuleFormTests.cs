using System.Text.Json;
using Rapport.Features.Automation;
using Rapport.Features.Automation.Pages;
using Rapport.Features.Conditions.Pages;
using Rapport.Infrastructure.Problems;

namespace Rapport.Tests.Automation;

/// <summary>The rule form's rows, read as the rule's actions and back, and told in words; no database.</summary>
public class RuleFormTests
{
    private static readonly Guid Ann = Guid.NewGuid();

    private static AutomationAction A(string type, object? value = null) =>
        new(type, value is null ? null : JsonSerializer.SerializeToElement(value));

    private static readonly AutomationAction[] EveryType =
    [
        A("set_status", "on_hold"), A("set_priority", "urgent"), A("set_type", "incident"), A("set_team", 7), A("assign", Ann.ToString()),
        A("add_tags", new[] { "vip", "callback" }), A("remove_tags", "waiting"), A("add_note", "Call them back."), A("reply", "We are on it."),
        A("escalate", "A VIP is waiting"), A("notify", new { to = "assignee", text = "A VIP wrote in" }),
    ];

    private static readonly RuleChoices Names = new([new Choice("7", "Billing")], [new Choice(Ann.ToString(), "Ann Lee")]);

    private static IReadOnlyDictionary<string, string[]> Problems(RuleForm form)
    {
        var check = new Validator();
        var request = form.ToRequest(check);
        if (check.IsValid) RulePlan.From(request.Actions!, "actions", check);
        return check.IsValid ? new Dictionary<string, string[]>() : check.ToError().Errors;
    }

    [Fact]
    public void EveryActionType_GoesThroughTheFormAndBack_Unchanged()
    {
        foreach (var action in EveryType)
        {
            var back = ActionRow.From(action).ToAction();
            Assert.Equal(action.Type, back.Type);
            Assert.Equal(ConditionWords.ValueText(action.Value), ConditionWords.ValueText(back.Value));
            if (action.Type == "notify") Assert.Equal(action.Value!.Value.GetRawText(), back.Value!.Value.GetRawText());
        }
    }

    [Fact]
    public void ARuleReadIntoTheForm_IsAValidRequestWithTheSameActions()
    {
        var rule = new AutomationRuleDto(1, "VIP", AutomationTrigger.Scheduled, new() { All = [new("tags", "includes_any", JsonSerializer.SerializeToElement("vip"))] },
            EveryType, 3, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var check = new Validator();
        var request = RuleForm.From(rule).ToRequest(check);

        Assert.True(check.IsValid);
        Assert.Equal((AutomationTrigger.Scheduled, false, "vip"), (request.Trigger, request.IsActive, ConditionWords.ValueText(request.Conditions!.All[0].Value)));
        Assert.Null(request.Position);
        var plan = RulePlan.From(request.Actions!, "actions", check);
        Assert.True(check.IsValid);
        Assert.Equal((7L, Ann), (plan!.Team.Value, plan.Assignee.Value));
        Assert.Equal(["vip", "callback"], plan.AddTags);
    }

    [Fact]
    public void ABoxLeftEmpty_SendsNoValue_SoTheRulesCheckNamesThatRow()
    {
        var form = RuleForm.New();
        form.Actions = [new() { Type = "set_priority", PriorityValue = "urgent" }, new() { Type = "add_note", TextValue = "  " }];

        Assert.Equal(["actions[1].value"], Problems(form).Keys);
    }

    [Fact]
    public void ANoticeWithoutWhoOrText_IsNamedInTheFormsWords()
    {
        var form = RuleForm.New();
        form.Actions = [new() { Type = "notify", TextValue = "Look" }, new() { Type = "notify", ToValue = "team" }, new() { Type = "notify", ToValue = "team", TextValue = "Look" }];

        var problems = Problems(form);
        Assert.Equal(["actions[0].value", "actions[1].value"], problems.Keys.Order());
        Assert.StartsWith("Choose who gets the notice", problems["actions[0].value"][0]);
    }

    [Fact]
    public void TheValueBoxLeftForAnotherType_IsNotSent()
    {
        var row = new ActionRow { Type = "set_status", StatusValue = "open", PriorityValue = "low", TextValue = "left over" };
        Assert.Equal("\"open\"", row.ToAction().Value!.Value.GetRawText());
    }

    [Theory]
    [InlineData("add-action", true, 3, 1)]
    [InlineData("remove-action:0", true, 1, 1)]
    [InlineData("remove-action:9", true, 2, 1)]
    [InlineData("add-any", true, 2, 1)]
    [InlineData("remove-all:0", true, 2, 0)]
    [InlineData("refresh", true, 2, 1)]
    [InlineData("save", false, 2, 1)]
    [InlineData(null, false, 2, 1)]
    public void TheFormsButtons_AddAndRemoveRows_OrSave(string? command, bool showsAgain, int actions, int all)
    {
        var form = new RuleForm { Command = command, All = [ConditionRow.Blank()], Actions = [ActionRow.Blank(), ActionRow.Blank()] };
        Assert.Equal(showsAgain, form.ApplyCommand());
        Assert.Equal((actions, all), (form.Actions.Count, form.All.Count));
    }

    [Fact]
    public void EveryActionType_HasBoxesForItsValue_AndTheStylesheetKnowsIt()
    {
        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/Rapport/Web/assets/css/rapport.css"));
        foreach (var type in RulePlan.Types)
        {
            Assert.NotEmpty(ActionRow.Boxes(type));
            Assert.Contains($".action-type option[value=\"{type}\"]:checked", css);
        }
        Assert.Equal("add_note reply escalate notify", ActionRow.TypesUsing(ActionRow.Text));
    }

    [Fact]
    public void ARule_IsToldInOneLine_WithTeamsAndPeopleByName()
    {
        Assert.Equal("Set status to on hold; set priority to urgent; set type to incident; move to Billing; assign to Ann Lee; add tags vip, callback; "
            + "remove tags waiting; add an internal note; reply to the customer; escalate; notify the assignee", RuleWords.Actions(EveryType, Names));
        Assert.Equal("Unassign; take the team away; notify someone not listed",
            RuleWords.Actions([A("assign", "none"), A("set_team", "none"), A("notify", new { to = Guid.NewGuid().ToString(), text = "x" })], Names));
        Assert.Equal("Every five minutes, for tickets that match", RuleWords.Trigger(AutomationTrigger.Scheduled));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Build.props"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
