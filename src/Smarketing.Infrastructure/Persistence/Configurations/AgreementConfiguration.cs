using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;

namespace Smarketing.Infrastructure.Persistence.Configurations;

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => v.Number).IsUnique();

        // At most one draft: DraftSlot is 1 on the draft and null on adopted versions, and nulls don't collide.
        builder.HasIndex(v => v.DraftSlot).IsUnique();
        builder.HasIndex(v => v.EffectiveAt);
        builder.Property(v => v.Summary).HasMaxLength(AgreementLimits.Text);
        foreach (var name in new[] { nameof(AgreementVersion.MarketingSignedBy), nameof(AgreementVersion.SalesSignedBy), nameof(AgreementVersion.MarketingSignerName), nameof(AgreementVersion.SalesSignerName), nameof(AgreementVersion.CreatedBy), nameof(AgreementVersion.UpdatedBy) })
        {
            builder.Property(name).HasMaxLength(TextLimits.Email);
        }

        builder.Ignore(v => v.MarketingSignature);
        builder.Ignore(v => v.SalesSignature);
        builder.Ignore(v => v.IsDraft);
        builder.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementSectionRecordConfiguration : IEntityTypeConfiguration<AgreementSectionRecord>
{
    public void Configure(EntityTypeBuilder<AgreementSectionRecord> builder)
    {
        builder.HasKey(s => new { s.VersionId, s.Section });
        builder.Property(s => s.Section).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.Property(s => s.UpdatedBy).HasMaxLength(TextLimits.Email);
    }
}

internal sealed class AgreementSectionRevisionConfiguration : IEntityTypeConfiguration<AgreementSectionRevision>
{
    public void Configure(EntityTypeBuilder<AgreementSectionRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Section).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(r => new { r.VersionId, r.Section, r.Revision }).IsUnique();
        builder.Property(r => r.SavedBy).HasMaxLength(TextLimits.Email);
    }
}
