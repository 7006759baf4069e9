namespace Rapport.Infrastructure.Text;

/// <summary>
/// The values for one rendering, by slot of a <see cref="PlaceholderVocabulary"/>. A value not set (or empty) renders
/// as nothing and hides the sections over it. Names the vocabulary does not have are ignored, so one builder of
/// values can serve several kinds of template.
/// </summary>
public sealed class PlaceholderValues(PlaceholderVocabulary vocabulary)
{
    internal string?[] Slots { get; } = new string?[vocabulary.ValueCount];

    public PlaceholderVocabulary Vocabulary { get; } = vocabulary;

    public PlaceholderValues Set(string name, string? value)
    {
        var slot = Vocabulary.SlotOf(name);
        if (slot >= 0) Slots[slot] = value;
        return this;
    }

    public string? Get(string name) => Vocabulary.SlotOf(name) is >= 0 and var slot ? Slots[slot] : null;
}
