using static Smarketing.IntegrationTests.Reports.ReportApp;

namespace Smarketing.IntegrationTests.Reports;

/// <summary>
/// The hand-made data set behind the report tests. The report period is Monday 2026-10-26 .. Sunday 2026-11-29
/// (35 days, ISO weeks 2026-W44 .. 2026-W48), all in America/New_York, whose calendar (both versions) is Mon-Fri
/// 09:00-17:00 with holidays on Thu 26 and Fri 27 Nov 2026. Daylight saving ends on Sun 1 Nov 2026 at 02:00
/// (EDT, UTC-4, before; EST, UTC-5, after). Every time below is New York wall-clock time.
///
/// Version 1 (the demo's, in force since 2026-07-01): A-leads first contact within 4 business hours (240 min),
/// other leads within 1 business day (480 min); accept or reject within 2 business days (960 min); 6 attempts
/// within 10 business days (4800 min). Version 2 (the demo's draft, adopted here on Tue 10 Nov, effective Mon
/// 16 Nov): the same, except A-leads first contact within 2 business hours (120 min) and 450 MQLs a month
/// instead of 400. A lead is judged by the version in force at its hand-off.
///
/// "Now" for every report: Monday 30 Nov 2026 09:30 EST.
///
/// | lead | grade | v | handed off (H)        | owner  | first contact         | business min to contact         | FC due          | verdict       |
/// |------|-------|---|-----------------------|--------|-----------------------|---------------------------------|-----------------|---------------|
/// | L0   | A     | 1 | Sun 25 Oct 23:30 EDT  | rep1   | Mon 26 Oct 09:30      | 30 (before the period: excluded; its UTC time is 26 Oct 03:30Z) |
/// | L1   | A     | 1 | Mon 26 Oct 00:30 EDT  | rep1   | Mon 26 Oct 09:45:30   | 45.5 -> 45 (clock starts 09:00) | Mon 13:00       | within        |
/// | L2   | A     | 1 | Fri 30 Oct 15:00 EDT  | (rej.) | Mon 2 Nov 10:30 EST   | Fri 120 + Mon 90 = 210 (DST)    | Mon 2 Nov 11:00 | within        |
/// | L3   | B     | 1 | Wed 28 Oct 10:00 EDT  | rep1   | Thu 29 Oct 16:00      | Wed 420 + Thu 420 = 840         | Thu 10:00       | breached      |
/// | L4   | A     | 1 | Mon 2 Nov 09:00       | rep1   | Mon 2 Nov 13:00:00    | 240                             | Mon 13:00       | within (= due)|
/// | L5   | A     | 1 | Tue 3 Nov 09:00       | (rej.) | Tue 3 Nov 13:00:30    | 240.5 -> 240                    | Tue 13:00       | breached (30 s late) |
/// | L6   | A     | 1 | Wed 4 Nov 10:00       | pool   | none                  | -                               | Wed 14:00       | breached (open past due) |
/// | L7   | B     | 1 | Thu 12 Nov 16:30      | rep2   | Mon 16 Nov 09:15      | 30 + 480 + 15 = 525             | Fri 13 Nov 16:30| breached      |
/// | L8   | A     | 1 | Fri 13 Nov 09:00      | (rej.) | Fri 13 Nov 09:20      | 20                              | Fri 13:00       | within        |
/// | L9   | A     | 2 | Mon 16 Nov 10:00      | rep1   | Mon 16 Nov 11:30      | 90                              | Mon 12:00       | within        |
/// | L10  | A     | 2 | Tue 17 Nov 09:00      | rep2   | Tue 17 Nov 12:00      | 180 (v1 would have met it)      | Tue 11:00       | breached      |
/// | L11  | B     | 2 | Wed 18 Nov 14:00      | rep1   | Thu 19 Nov 09:00      | 180                             | Thu 19 Nov 14:00| within        |
/// | L12  | A     | 2 | Wed 25 Nov 16:00      | rep2   | Fri 27 Nov 11:00 (holiday) | 60 (Thu, Fri are holidays) | Mon 30 Nov 10:00| within        |
/// | L13  | A     | 2 | Tue 24 Nov 10:00      | rep1   | none                  | -                               | Tue 12:00       | breached (open past due) |
/// | L14  | A     | 2 | Sun 29 Nov 23:00 EST  | pool   | none                  | -                               | Mon 30 Nov 11:00| open (its UTC time is 30 Nov 04:00Z, its local date 29 Nov: in the period) |
/// | L15  | A     | 2 | Mon 30 Nov 00:30 EST  | pool   | none                  | after the period: excluded                                          |
///
/// "(rej.)": rejected, which hands the lead back to marketing and clears its owner, so it counts under "(unclaimed)".
/// Decisions and closes: L1 accepted Mon 26 Oct 11:00, SQL Tue 27 Oct 10:00, won Fri 30 Oct 10:00 (12,000);
/// L2 rejected Mon 2 Nov 14:00 "No budget"; L3 never decided; L4 accepted Tue 3 Nov 10:00, SQL Wed 4 Nov 10:00, lost
/// Fri 6 Nov 10:00 "Price"; L5 rejected Tue 3 Nov 15:00 "Wrong industry"; L7 accepted Mon 16 Nov 11:00; L8 rejected
/// Fri 13 Nov 10:00 "No budget"; L9 accepted Tue 17 Nov 09:30, SQL Tue 17 Nov 10:00; L11 accepted Thu 19 Nov 10:00.
/// Also created in the period, never handed off: N1 (Mon 26 Oct 12:00) and N2 (Mon 16 Nov 12:00), not MQLs (country
/// DE), and M1 (Tue 17 Nov 12:00), an MQL. rep3 (team West) has no lead in the period.
/// </summary>
internal static class ReportData
{
    public static readonly DateTimeOffset ReportNow = NewYork(11, 30, 9, 30);

    public static async Task BuildAsync(ReportApp app)
    {
        async Task At(DateTimeOffset when, params Func<Task>[] actions)
        {
            app.MoveTo(when);
            foreach (var action in actions)
            {
                await action();
            }
        }

        Func<Task> HandOff(string name, LeadKind kind, string? rep) => async () =>
        {
            await app.CreateAsync(name, kind);
            await app.HandOffAsync(name);
            if (rep is not null)
            {
                await app.ClaimAsync(name, rep);
            }
        };

        await At(NewYork(10, 25, 23, 30), HandOff("L0", LeadKind.A, Rep1));
        await At(NewYork(10, 26, 0, 30), HandOff("L1", LeadKind.A, Rep1));
        await At(NewYork(10, 26, 9, 30), () => app.ContactAsync("L0", Rep1));
        await At(NewYork(10, 26, 9, 45, 30), () => app.ContactAsync("L1", Rep1));
        await At(NewYork(10, 26, 11, 0), () => app.AcceptAsync("L1", Rep1));
        await At(NewYork(10, 26, 12, 0), () => app.CreateAsync("N1", LeadKind.NotAnMql));
        await At(NewYork(10, 27, 10, 0), () => app.ConvertAsync("L1", Rep1));
        await At(NewYork(10, 28, 10, 0), HandOff("L3", LeadKind.B, Rep1));
        await At(NewYork(10, 29, 16, 0), () => app.ContactAsync("L3", Rep1));
        await At(NewYork(10, 30, 10, 0), () => app.WonAsync("L1", Rep1, 12_000m));
        await At(NewYork(10, 30, 15, 0), HandOff("L2", LeadKind.A, Rep2));
        await At(NewYork(11, 2, 9, 0), HandOff("L4", LeadKind.A, Rep1));
        await At(NewYork(11, 2, 10, 30), () => app.ContactAsync("L2", Rep2));
        await At(NewYork(11, 2, 13, 0), () => app.ContactAsync("L4", Rep1));
        await At(NewYork(11, 2, 14, 0), () => app.RejectAsync("L2", Rep2, "No budget"));
        await At(NewYork(11, 3, 9, 0), HandOff("L5", LeadKind.A, Rep2));
        await At(NewYork(11, 3, 10, 0), () => app.AcceptAsync("L4", Rep1));
        await At(NewYork(11, 3, 13, 0, 30), () => app.ContactAsync("L5", Rep2));
        await At(NewYork(11, 3, 15, 0), () => app.RejectAsync("L5", Rep2, "Wrong industry"));
        await At(NewYork(11, 4, 10, 0), HandOff("L6", LeadKind.A, null), () => app.ConvertAsync("L4", Rep1));
        await At(NewYork(11, 6, 10, 0), () => app.LostAsync("L4", Rep1, "Price"));
        await At(NewYork(11, 10, 12, 0), () => app.AdoptVersion2Async(new DateOnly(2026, 11, 16)));
        await At(NewYork(11, 12, 16, 30), HandOff("L7", LeadKind.B, Rep2));
        await At(NewYork(11, 13, 9, 0), HandOff("L8", LeadKind.A, Rep1));
        await At(NewYork(11, 13, 9, 20), () => app.ContactAsync("L8", Rep1));
        await At(NewYork(11, 13, 10, 0), () => app.RejectAsync("L8", Rep1, "No budget"));
        await At(NewYork(11, 16, 9, 15), () => app.ContactAsync("L7", Rep2));
        await At(NewYork(11, 16, 10, 0), HandOff("L9", LeadKind.A, Rep1));
        await At(NewYork(11, 16, 11, 0), () => app.AcceptAsync("L7", Rep2));
        await At(NewYork(11, 16, 11, 30), () => app.ContactAsync("L9", Rep1));
        await At(NewYork(11, 16, 12, 0), () => app.CreateAsync("N2", LeadKind.NotAnMql));
        await At(NewYork(11, 17, 9, 0), HandOff("L10", LeadKind.A, Rep2));
        await At(NewYork(11, 17, 9, 30), () => app.AcceptAsync("L9", Rep1));
        await At(NewYork(11, 17, 10, 0), () => app.ConvertAsync("L9", Rep1));
        await At(NewYork(11, 17, 12, 0), () => app.ContactAsync("L10", Rep2), () => app.CreateAsync("M1", LeadKind.A));
        await At(NewYork(11, 18, 14, 0), HandOff("L11", LeadKind.B, Rep1));
        await At(NewYork(11, 19, 9, 0), () => app.ContactAsync("L11", Rep1));
        await At(NewYork(11, 19, 10, 0), () => app.AcceptAsync("L11", Rep1));
        await At(NewYork(11, 24, 10, 0), HandOff("L13", LeadKind.A, Rep1));
        await At(NewYork(11, 25, 16, 0), HandOff("L12", LeadKind.A, Rep2));
        await At(NewYork(11, 27, 11, 0), () => app.ContactAsync("L12", Rep2));
        await At(NewYork(11, 29, 23, 0), HandOff("L14", LeadKind.A, null));
        await At(NewYork(11, 30, 0, 30), HandOff("L15", LeadKind.A, null));
        app.MoveTo(ReportNow);
    }
}
