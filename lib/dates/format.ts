import { dateTimeFormat } from "./formatters";

// Dates are always shown in a named zone: the client's own for client data,
// the viewer's for their own actions. Never the server's.
export function formatDate(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(date);
}

export function formatDateTime(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(date);
}
