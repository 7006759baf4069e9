using Rapport.Features.Email.Templates;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Automation;
using Rapport.Features.Complaints;
using Rapport.Features.Complaints.Deadlines;
using Rapport.Features.Email.Mailboxes;
using Rapport.Features.Email.Sending;
using Rapport.Features.Customers;
using Rapport.Features.Escalation.Authority;
using Rapport.Features.Escalation.Levels;
using Rapport.Features.Escalation.Referrals;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Features.Routing;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Features.Services;
using Rapport.Features.Tickets;
using Rapport.Features.Tone;
using Rapport.Features.Tickets.Attachments;
using Rapport.Infrastructure.Idempotency;

using Rapport.Data.Sqlite;

namespace Rapport.Data;

/// <summary>
/// The one database model. Each provider has a thin subclass so that each keeps its own
/// generated migrations (see docs/decisions/0001-migrations-per-provider.md).
/// Entity configurations live beside their entities, in the feature folders.
/// </summary>
public abstract class RapportDbContext(DbContextOptions options)
    : IdentityUserContext<User, Guid, IdentityUserClaim<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>>(options), IDataProtectionKeyContext
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketTag> TicketTags => Set<TicketTag>();
    public DbSet<TicketFollower> TicketFollowers => Set<TicketFollower>();
    public DbSet<TicketCc> TicketCcs => Set<TicketCc>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerEmail> CustomerEmails => Set<CustomerEmail>();
    public DbSet<CustomerPhone> CustomerPhones => Set<CustomerPhone>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationDomain> OrganisationDomains => Set<OrganisationDomain>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServiceCalendar> Calendars => Set<ServiceCalendar>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<TicketSlaClock> TicketSlaClocks => Set<TicketSlaClock>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NoticePreferences> NoticePreferences => Set<NoticePreferences>();
    public DbSet<TonePhrase> TonePhrases => Set<TonePhrase>();
    public DbSet<AutomationRule> AutomationRules => Set<AutomationRule>();
    public DbSet<AutomationRun> AutomationRuns => Set<AutomationRun>();
    public DbSet<DeadlineRule> DeadlineRules => Set<DeadlineRule>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintRootCause> ComplaintRootCauses => Set<ComplaintRootCause>();
    public DbSet<ComplaintSettings> ComplaintSettings => Set<ComplaintSettings>();
    public DbSet<AgentSkill> AgentSkills => Set<AgentSkill>();
    public DbSet<Absence> Absences => Set<Absence>();
    public DbSet<ReferralRule> ReferralRules => Set<ReferralRule>();
    public DbSet<EscalationLevel> EscalationLevels => Set<EscalationLevel>();
    public DbSet<AuthorityLimit> AuthorityLimits => Set<AuthorityLimit>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<Features.Email.Intake.InboundMail> InboundMails => Set<Features.Email.Intake.InboundMail>();
    public DbSet<Mailbox> Mailboxes => Set<Mailbox>();
    public DbSet<OutgoingMail> OutgoingMail => Set<OutgoingMail>();
    public DbSet<MailTemplateOverride> MailTemplateOverrides => Set<MailTemplateOverride>();
    public DbSet<Features.CannedReplies.CannedReply> CannedReplies => Set<Features.CannedReplies.CannedReply>();
    public DbSet<Features.Tickets.Views.Saved.SavedView> SavedViews => Set<Features.Tickets.Views.Saved.SavedView>();
    public DbSet<Features.Knowledge.KbCategory> KbCategories => Set<Features.Knowledge.KbCategory>();
    public DbSet<Features.Knowledge.KbSection> KbSections => Set<Features.Knowledge.KbSection>();
    public DbSet<Features.Knowledge.KbArticle> KbArticles => Set<Features.Knowledge.KbArticle>();
    public DbSet<Features.Knowledge.KbArticleVersion> KbArticleVersions => Set<Features.Knowledge.KbArticleVersion>();
    public DbSet<Features.Knowledge.KbVote> KbVotes => Set<Features.Knowledge.KbVote>();
    public DbSet<Features.Knowledge.KbArticleCounters> KbArticleCounters => Set<Features.Knowledge.KbArticleCounters>();
    public DbSet<Features.Knowledge.KbReaderStep> KbReaderSteps => Set<Features.Knowledge.KbReaderStep>();
    /// <summary>Cookie and antiforgery keys, shared by every app instance on the same database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The SQLite writer queue this context's options carry; null on PostgreSQL.</summary>
    internal SqliteWriteGate? WriteGate { get; } =
        options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteWriteGate>().FirstOrDefault();

    /// <summary>True while this context holds the SQLite writer gate.</summary>
    internal bool HoldsWriteGate { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RapportDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are added in the middle.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

public enum DatabaseProvider { Sqlite, PostgreSQL }
