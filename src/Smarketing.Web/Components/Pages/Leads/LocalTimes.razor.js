// The viewer's IANA time zone (e.g. "Europe/Berlin"), so times read as their own clock does.
export function timeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
