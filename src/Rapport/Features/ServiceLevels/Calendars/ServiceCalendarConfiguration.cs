using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.ServiceLevels.Calendars;

internal sealed class ServiceCalendarConfiguration : IEntityTypeConfiguration<ServiceCalendar>
{
    public void Configure(EntityTypeBuilder<ServiceCalendar> calendar)
    {
        calendar.HasKey(c => c.Id);
        calendar.Property(c => c.Name).HasMaxLength(100);
        calendar.Property(c => c.TimeZone).HasMaxLength(64);
        calendar.Property(c => c.WeeklyHours).HasMaxLength(4000);
        calendar.HasIndex(c => c.Name).IsUnique();
        calendar.HasMany(c => c.Holidays).WithOne().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarHolidayConfiguration : IEntityTypeConfiguration<CalendarHoliday>
{
    public void Configure(EntityTypeBuilder<CalendarHoliday> holiday)
    {
        holiday.HasKey(h => h.Id);
        holiday.Property(h => h.Name).HasMaxLength(100);
        holiday.HasIndex(h => new { h.CalendarId, h.Date }).IsUnique();
    }
}
