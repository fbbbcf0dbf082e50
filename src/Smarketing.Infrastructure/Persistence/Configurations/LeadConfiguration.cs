using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smarketing.Application.Leads;
using Smarketing.Domain.Leads;

namespace Smarketing.Infrastructure.Persistence.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Revision).IsConcurrencyToken();
        builder.Property(l => l.Stage).HasConversion<string>().HasMaxLength(16);

        // One lead per email and per external id: duplicates are refused by the database, not only by a check.
        builder.HasIndex(l => l.Email).IsUnique();
        builder.HasIndex(l => l.ExternalId).IsUnique();
        builder.HasIndex(l => new { l.Stage, l.CreatedAt });
        builder.HasIndex(l => new { l.OwnerId, l.Stage });
        builder.HasIndex(l => l.HandedOffAt);
        builder.HasIndex(l => l.RejectedAt);
        builder.HasIndex(l => l.CreatedAt);

        // The lead columns the reports read when they join a timer to its lead (owner, segment, outcome): the join is
        // answered from this index instead of the lead rows (docs/performance.md).
        builder.HasIndex(l => new { l.Id, l.OwnerEmail, l.Grade, l.Persona, l.AcceptedAt, l.RejectedAt, l.WonAt, l.LostAt })
            .HasDatabaseName("IX_Leads_Report");

        builder.Property(l => l.Email).HasMaxLength(256);
        builder.Property(l => l.ExternalId).HasMaxLength(100);
        builder.Property(l => l.FirstName).HasMaxLength(LeadFieldsValidator.MaxName);
        builder.Property(l => l.LastName).HasMaxLength(LeadFieldsValidator.MaxName);
        builder.Property(l => l.Company).HasMaxLength(LeadFieldsValidator.MaxText);
        builder.Property(l => l.Title).HasMaxLength(LeadFieldsValidator.MaxText);
        builder.Property(l => l.Industry).HasMaxLength(LeadFieldsValidator.MaxName);
        builder.Property(l => l.Country).HasMaxLength(LeadFieldsValidator.MaxName);
        builder.Property(l => l.Source).HasMaxLength(LeadFieldsValidator.MaxName);
        builder.Property(l => l.Campaign).HasMaxLength(LeadFieldsValidator.MaxText);
        builder.Property(l => l.Grade).HasMaxLength(10);
        builder.Property(l => l.Persona).HasMaxLength(120);
        builder.Property(l => l.OwnerId).HasMaxLength(450);
        builder.Property(l => l.OwnerEmail).HasMaxLength(256);
        builder.Property(l => l.RejectionReason).HasMaxLength(100);
        builder.Property(l => l.LostReason).HasMaxLength(100);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.Ignore(l => l.Name);
        builder.Ignore(l => l.Facts);
        builder.HasMany(l => l.Events).WithOne().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LeadEventConfiguration : IEntityTypeConfiguration<LeadEvent>
{
    public void Configure(EntityTypeBuilder<LeadEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.LeadId, e.At });
        builder.HasIndex(e => new { e.Type, e.At });
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.FromStage).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ToStage).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorEmail).HasMaxLength(256);
        builder.Property(e => e.OwnerEmail).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(600);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.Amount).HasPrecision(18, 2);
    }
}

internal sealed class RepAvailabilityConfiguration : IEntityTypeConfiguration<RepAvailability>
{
    public void Configure(EntityTypeBuilder<RepAvailability> builder)
    {
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
    }
}
