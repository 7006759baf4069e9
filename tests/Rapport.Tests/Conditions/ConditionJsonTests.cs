using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Rapport.Features.Conditions;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Conditions;

/// <summary>A condition set travels as Zendesk-shaped JSON, the same in an API body and in a stored column.</summary>
public class ConditionJsonTests
{
    private const string PriorityHighOrUrgent = """{"all":[{"field":"priority","operator":"is","value":["high","urgent"]}],"any":[]}""";

    [Fact]
    public void Serialises_InZendeskShape()
    {
        var set = new ConditionSet { All = [Condition.Of("priority", "is", "high", "urgent")] };
        Assert.Equal(PriorityHighOrUrgent, set.ToJson());
    }

    [Fact]
    public void ValuesKeepTheirJsonKind_AndAMissingValueIsLeftOut()
    {
        const string json = """{"all":[{"field":"team","operator":"is","value":42},{"field":"team","operator":"is_set"}],"any":[{"field":"subject","operator":"contains","value":"refund"}]}""";
        var set = ConditionSet.FromJson(json);
        Assert.Equal(JsonValueKind.Number, set.All[0].Value!.Value.ValueKind);
        Assert.Null(set.All[1].Value);
        Assert.Equal(json, set.ToJson());
    }

    [Fact]
    public void ReadsTheSame_WithTheApisOptions()
    {
        var viaApi = JsonSerializer.Deserialize<ConditionSet>(PriorityHighOrUrgent, Api.Json)!;
        Assert.Equal(ConditionSet.FromJson(PriorityHighOrUrgent), viaApi);
        Assert.Equal(PriorityHighOrUrgent, JsonSerializer.Serialize(viaApi, Api.Json));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"all":null,"any":null}""")]
    [InlineData("""{"all":[]}""")]
    public void MissingOrNullLists_ReadAsEmpty(string json)
    {
        var set = ConditionSet.FromJson(json);
        Assert.Equal(ConditionSet.Empty, set);
        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void NullValue_ReadsAsNoValue() =>
        Assert.Null(ConditionSet.FromJson("""{"all":[{"field":"team","operator":"is_set","value":null}]}""").All[0].Value);

    [Theory]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("""{"all":{"field":"status"}}""")]
    [InlineData("""{"all":[""")]
    public void TextThatIsNotASet_Throws(string json) =>
        Assert.ThrowsAny<JsonException>(() => ConditionSet.FromJson(json));

    [Fact]
    public void Equality_ComparesValuesByContent()
    {
        Assert.Equal(Condition.Of("status", "is", "open"), new Condition("status", "is", JsonDocument.Parse("\"open\"").RootElement));
        Assert.NotEqual(Condition.Of("status", "is", "open"), Condition.Of("status", "is", "open", "new"));
        Assert.NotEqual(Condition.Of("team", "is_set"), Condition.Of("team", "is", "none"));
    }

    [Fact]
    public void AnySet_SurvivesTheRoundTripThroughText() =>
        Prop.ForAll(ConditionGenerators.Sets(ConditionWorld.Offline).ToArbitrary(), set =>
            ConditionSet.FromJson(set.ToJson()) == set && ConditionSet.FromJson(set.ToJson()).ToJson() == set.ToJson())
        .QuickCheckThrowOnFailure();
}
