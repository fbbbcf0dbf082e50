using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smarketing.Application.Users;
using Smarketing.Infrastructure.Identity;

namespace Smarketing.Infrastructure.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(CreateUserRequestValidator.MaxDisplayNameLength);
        builder.Property(u => u.Team).HasMaxLength(CreateUserRequestValidator.MaxTeamLength);
        builder.Property(u => u.TimeZoneId).HasMaxLength(SaveUserPreferencesRequestValidator.MaxTimeZoneLength);
        builder.Property(u => u.CreatedBy).HasMaxLength(256);
        builder.Property(u => u.UpdatedBy).HasMaxLength(256);
    }
}
