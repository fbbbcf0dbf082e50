using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Common;
using Smarketing.Domain.Notifications;

namespace Smarketing.Infrastructure.Persistence.Configurations;

internal sealed class SlaTimerConfiguration : IEntityTypeConfiguration<SlaTimer>
{
    public void Configure(EntityTypeBuilder<SlaTimer> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.LeadId, t.Cycle, t.Kind }).IsUnique();

        // What the monitor and the reports look up: the next moments to act on, and stopped timers by kind and start.
        builder.HasIndex(t => new { t.StoppedAt, t.AtRiskAt });
        builder.HasIndex(t => new { t.StoppedAt, t.DueAt });
        builder.HasIndex(t => new { t.Kind, t.StartedAt, t.Status, t.BusinessMinutesElapsed });

        // Covers every report query: timers of a kind started in a range, per agreement version, counted by owner, grade,
        // persona and outcome (copied from the lead onto the timer), met/breached/open, business minutes and whether a
        // contact stopped a first contact (AttemptsMade), so a report reads this index alone and never joins to Leads
        // (docs/performance.md). LeadId last keeps the drill-downs covered.
        builder.HasIndex(t => new
            {
                t.Kind, t.StartedAt, t.SlaVersion, t.StoppedAt, t.DueAt, t.BusinessMinutesElapsed, t.AttemptsMade,
                t.LeadOwnerEmail, t.LeadGrade, t.LeadPersona, t.LeadAccepted, t.LeadRejected, t.LeadWon, t.LeadLost, t.LeadId,
            })
            .HasDatabaseName("IX_SlaTimers_Report");
        builder.HasIndex(t => new { t.OwnerId, t.Status });
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Clause).HasMaxLength(300);
        builder.Property(t => t.RuleName).HasMaxLength(AgreementLimits.Name);
        builder.Property(t => t.OwnerId).HasMaxLength(TextLimits.UserId);
        builder.Property(t => t.LeadOwnerEmail).HasMaxLength(TextLimits.Email);
        builder.Property(t => t.LeadGrade).HasMaxLength(AgreementLimits.GradeName);
        builder.Property(t => t.LeadPersona).HasMaxLength(AgreementLimits.Name);
        builder.Ignore(t => t.IsStopped);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.UserId).HasMaxLength(TextLimits.UserId);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(1000);
    }
}
