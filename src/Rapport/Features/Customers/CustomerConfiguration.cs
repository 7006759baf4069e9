using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.HasKey(c => c.Id);
        customer.Property(c => c.Name).HasMaxLength(CustomerLimits.NameLength);
        customer.Property(c => c.Department).HasMaxLength(CustomerLimits.NameLength);
        customer.Property(c => c.PreferredLanguage).HasMaxLength(35);
        customer.Property(c => c.CommunicationNeeds).HasMaxLength(CustomerLimits.NotesLength);
        customer.Property(c => c.NeedsAndExpectations).HasMaxLength(CustomerLimits.NotesLength);
        customer.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        customer.HasMany(c => c.Emails).WithOne().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
        customer.HasMany(c => c.Phones).WithOne().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        customer.HasIndex(c => new { c.Name, c.Id });
        customer.HasIndex(c => new { c.OrganisationId, c.Name, c.Id });
    }
}

internal sealed class CustomerEmailConfiguration : IEntityTypeConfiguration<CustomerEmail>
{
    public void Configure(EntityTypeBuilder<CustomerEmail> email)
    {
        email.HasKey(e => e.Id);
        email.Property(e => e.Address).HasMaxLength(CustomerLimits.EmailLength);
        email.HasIndex(e => e.Address).IsUnique();
        email.HasIndex(e => e.CustomerId);
    }
}

internal sealed class CustomerPhoneConfiguration : IEntityTypeConfiguration<CustomerPhone>
{
    public void Configure(EntityTypeBuilder<CustomerPhone> phone)
    {
        phone.HasKey(p => p.Id);
        phone.Property(p => p.Number).HasMaxLength(CustomerLimits.PhoneLength);
        phone.Property(p => p.Label).HasMaxLength(40);
        phone.HasIndex(p => p.Number);
        phone.HasIndex(p => p.CustomerId);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.HasKey(o => o.Id);
        organisation.Property(o => o.Name).HasMaxLength(CustomerLimits.NameLength);
        organisation.Property(o => o.Notes).HasMaxLength(CustomerLimits.NotesLength);
        organisation.Property(o => o.Tier).HasMaxLength(OrganisationTier.MaxLength);
        organisation.HasMany(o => o.Domains).WithOne().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        organisation.HasIndex(o => new { o.Name, o.Id });
    }
}

internal sealed class OrganisationDomainConfiguration : IEntityTypeConfiguration<OrganisationDomain>
{
    public void Configure(EntityTypeBuilder<OrganisationDomain> domain)
    {
        domain.HasKey(d => d.Id);
        domain.Property(d => d.Domain).HasMaxLength(253);
        domain.HasIndex(d => d.Domain).IsUnique();
    }
}
