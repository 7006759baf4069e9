using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Knowledge;
using Rapport.Features.People;

namespace Rapport.Features.Demo;

/// <summary>
/// A small knowledge base: two categories, their sections, public articles in English with a German translation, and
/// internal ones for staff; one overdue for review. Added once: a database with categories keeps its own.
/// </summary>
internal static class DemoKnowledge
{
    private sealed record Article(string Section, string Title, string Body, ArticleVisibility Visibility = ArticleVisibility.Public,
        string? GermanTitle = null, string? GermanBody = null, int ReviewInDays = 180);

    private static readonly (string Category, string[] Sections)[] Shelves =
    [
        ("Orders and delivery", ["Delivery", "Returns and refunds"]),
        ("Your account", ["Signing in", "For our team"]),
    ];

    private static readonly Article[] Articles =
    [
        new("Delivery", "When will my parcel arrive?",
            "Most parcels arrive within **three working days**.\n\n- Track it with the link in your order confirmation.\n- If the tracking says *delivered* but you have nothing, check with your neighbours first.",
            GermanTitle: "Wann kommt mein Paket an?",
            GermanBody: "Die meisten Pakete kommen innerhalb von **drei Werktagen** an.\n\n- Verfolgen Sie es über den Link in Ihrer Bestellbestätigung."),
        new("Returns and refunds", "How do I return an item and get a refund?",
            "1. Open [your orders](/portal) and choose the item.\n2. Print the return label.\n3. The refund reaches your card within 5 days of the item arriving back.",
            GermanTitle: "Wie sende ich einen Artikel zurück?",
            GermanBody: "1. Öffnen Sie Ihre Bestellungen.\n2. Drucken Sie das Rücksendeetikett.\n3. Die Erstattung erfolgt innerhalb von 5 Tagen."),
        new("Signing in", "I forgot my password",
            "Choose **Forgot your password?** on the sign-in page; we send a link that works for one hour."),
        new("For our team", "Refunds over the limit",
            "Refunds above your authority limit need a supervisor's approval: use *Request approval* on the ticket.",
            ArticleVisibility.Internal, ReviewInDays: -3),
    ];

    public static async Task SeedAsync(RapportDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.KbCategories.AnyAsync(ct)) return;
        var owner = await db.Users.Where(u => u.Role == Role.Manager || u.Role == Role.Admin).OrderBy(u => u.Role).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (owner is null) return;
        var sections = new Dictionary<string, KbSection>();
        var position = 0;
        foreach (var (name, sectionNames) in Shelves)
        {
            var category = new KbCategory { Name = name, Position = ++position, CreatedAt = now };
            db.KbCategories.Add(category);
            await db.SaveChangesAsync(ct);
            var sectionPosition = 0;
            foreach (var sectionName in sectionNames)
                db.KbSections.Add(sections[sectionName] = new KbSection { CategoryId = category.Id, Name = sectionName, Position = ++sectionPosition, CreatedAt = now });
        }
        await db.SaveChangesAsync(ct);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var article in Articles)
        {
            var group = Guid.NewGuid();
            Add(db, sections[article.Section].Id, group, "en", article.Title, article.Body, article, owner.Value, today, now);
            if (article.GermanTitle is not null)
                Add(db, sections[article.Section].Id, group, "de", article.GermanTitle, article.GermanBody!, article, owner.Value, today, now);
        }
        await db.SaveChangesAsync(ct);
        foreach (var article in await db.KbArticles.ToListAsync(ct))
        {
            db.KbArticleVersions.Add(new KbArticleVersion
            {
                ArticleId = article.Id, Number = 1, Title = article.Title, Body = article.Body, AuthorId = owner, AuthorName = "Rapport demo", CreatedAt = now,
            });
            db.KbArticleCounters.Add(new KbArticleCounters { ArticleId = article.Id });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static void Add(RapportDbContext db, long section, Guid group, string language, string title, string body, Article article,
        Guid owner, DateOnly today, DateTimeOffset now) => db.KbArticles.Add(new KbArticle
    {
        SectionId = section, TranslationGroup = group, Language = language, Title = title, Body = body, Visibility = article.Visibility,
        Status = ArticleStatus.Published, OwnerId = owner, ReviewBy = today.AddDays(article.ReviewInDays), CurrentVersion = 1, CreatedAt = now, UpdatedAt = now,
    });
}
