using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Search;

/// <summary>
/// The triggers that keep the search indexes (tickets, customers, knowledge articles, the words of "Did you mean") current must survive every migration. On SQLite, a later migration that
/// rebuilds a table (EF does for many column changes) drops its triggers without a word: this test is what notices.
/// </summary>
public class SearchIndexSchemaTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] SqliteTriggers =
    [
        "customer_search_customer_added", "customer_search_customer_changed", "customer_search_customer_removed",
        "customer_search_email_added", "customer_search_email_changed", "customer_search_email_removed",
        "customer_search_organisation_renamed",
        "customer_search_phone_added", "customer_search_phone_changed", "customer_search_phone_removed",
        "kb_articles_search_delete", "kb_articles_search_insert", "kb_articles_search_update",
        "ticket_search_message_added", "ticket_search_message_changed", "ticket_search_message_removed",
        "ticket_search_status_changed", "ticket_search_subject_changed", "ticket_search_tag_added", "ticket_search_tag_removed",
        "ticket_search_ticket_added", "ticket_search_ticket_removed",
    ];

    private static readonly string[] PostgresTriggers =
    [
        "customer_search_customer", "customer_search_emails", "customer_search_organisation", "customer_search_phones",
        "kb_articles_search_sync",
        "search_words_message", "search_words_tag", "search_words_ticket",
        "ticket_search_messages", "ticket_search_tags", "ticket_search_ticket",
    ];

    [Theory, Providers]
    public async Task EveryTriggerOfTheIndex_IsThereAfterAllMigrations(Db db)
    {
        var app = await fixture.For(db);

        var triggers = await app.WithDbAsync(data => (data.Provider == DatabaseProvider.Sqlite
                ? data.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'")
                : data.Database.SqlQueryRaw<string>("SELECT DISTINCT tgname::text AS \"Value\" FROM pg_trigger WHERE tgname LIKE '%search%' AND NOT tgisinternal"))
            .ToListAsync());

        Assert.Equal(db == Db.Sqlite ? SqliteTriggers : PostgresTriggers, triggers.Order(StringComparer.Ordinal));
    }
}
