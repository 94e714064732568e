/** "Today", "Yesterday", "9 days ago" — counted in the client's own calendar. */
export function activityText(daysSince: number | null): string {
  if (daysSince === null) return "Never";
  if (daysSince === 0) return "Today";
  if (daysSince === 1) return "Yesterday";
  return `${daysSince} days ago`;
}
