using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;
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

        // A lead's page finds the duplicates merged into it by this column.
        builder.HasIndex(l => l.MergedIntoId);

        // The lead columns the reports read when they join a timer to its lead (owner, segment, outcome): the join is
        // answered from this index instead of the lead rows (docs/performance.md).
        builder.HasIndex(l => new { l.Id, l.OwnerEmail, l.Grade, l.Persona, l.AcceptedAt, l.RejectedAt, l.WonAt, l.LostAt })
            .HasDatabaseName("IX_Leads_Report");

        builder.Property(l => l.Email).HasMaxLength(TextLimits.Email);
        builder.Property(l => l.ExternalId).HasMaxLength(LeadLimits.ExternalId);
        builder.Property(l => l.FirstName).HasMaxLength(LeadLimits.Name);
        builder.Property(l => l.LastName).HasMaxLength(LeadLimits.Name);
        builder.Property(l => l.Company).HasMaxLength(LeadLimits.Text);
        builder.Property(l => l.Title).HasMaxLength(LeadLimits.Text);
        builder.Property(l => l.Industry).HasMaxLength(LeadLimits.Name);
        builder.Property(l => l.Country).HasMaxLength(LeadLimits.Name);
        builder.Property(l => l.Source).HasMaxLength(LeadLimits.Name);
        builder.Property(l => l.Campaign).HasMaxLength(LeadLimits.Text);
        builder.Property(l => l.Grade).HasMaxLength(AgreementLimits.GradeName);
        builder.Property(l => l.Persona).HasMaxLength(AgreementLimits.Name);
        builder.Property(l => l.OwnerId).HasMaxLength(TextLimits.UserId);
        builder.Property(l => l.OwnerEmail).HasMaxLength(TextLimits.Email);
        builder.Property(l => l.RejectionReason).HasMaxLength(LeadLimits.ListedReason);
        builder.Property(l => l.LostReason).HasMaxLength(LeadLimits.ListedReason);
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
        builder.Property(e => e.ActorId).HasMaxLength(TextLimits.UserId);
        builder.Property(e => e.ActorEmail).HasMaxLength(TextLimits.Email);
        builder.Property(e => e.OwnerEmail).HasMaxLength(TextLimits.Email);
        builder.Property(e => e.Reason).HasMaxLength(LeadLimits.EventReason);
        builder.Property(e => e.Note).HasMaxLength(LeadLimits.EventNote);
        builder.Property(e => e.Amount).HasPrecision(18, 2);
    }
}

internal sealed class RepAvailabilityConfiguration : IEntityTypeConfiguration<RepAvailability>
{
    public void Configure(EntityTypeBuilder<RepAvailability> builder)
    {
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(TextLimits.UserId);
        builder.Property(a => a.UpdatedBy).HasMaxLength(TextLimits.Email);
    }
}
