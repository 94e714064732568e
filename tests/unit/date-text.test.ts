// The <time> elements of the one date style: words on screen, the full date
// in the title, a machine-readable dateTime. Rendered as React renders them
// on the server (they carry no "use client" and no hooks, so a client
// component renders the same markup when it is given the server's `now`).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CalendarDayText, DayText, MomentText } from "@/components/dates/date-text";

const NOW = new Date("2026-12-05T09:30:00Z");
const view = { timeZone: "Europe/London", now: NOW };

describe("date text", () => {
  it("shows a moment in words with its full date and time in the title", () => {
    const html = renderToStaticMarkup(createElement(MomentText, { value: new Date("2026-12-04T21:30:00Z"), view, withTime: true }));
    expect(html).toBe('<time dateTime="2026-12-04T21:30:00.000Z" title="Friday 4 December 2026, 21:30">yesterday, 21:30</time>');
  });

  it("leaves the time out unless asked, except today and yesterday", () => {
    expect(renderToStaticMarkup(createElement(MomentText, { value: new Date("2026-11-20T12:33:00Z"), view }))).toContain(">20 Nov</time>");
    expect(renderToStaticMarkup(createElement(MomentText, { value: new Date("2026-12-05T08:05:00Z"), view }))).toContain(">today, 08:05</time>");
  });

  it("shows a day of an instant in the viewer's zone, and a calendar day as it is", () => {
    const tokyo = renderToStaticMarkup(createElement(DayText, { value: new Date("2026-12-04T23:50:00Z"), view: { ...view, timeZone: "Asia/Tokyo" } }));
    expect(tokyo).toContain('title="Saturday 5 December 2026"');
    expect(tokyo).toContain(">today</time>");
    const calendar = renderToStaticMarkup(createElement(DayText, { value: "2026-12-02", view, className: "block" }));
    expect(calendar).toBe('<time dateTime="2026-12-02" title="Wednesday 2 December 2026" class="block">3 days ago</time>');
  });

  it("says a calendar day against a today the page already has", () => {
    const html = renderToStaticMarkup(createElement(CalendarDayText, { value: "2026-12-06", today: "2026-12-05", capitalized: true }));
    expect(html).toBe('<time dateTime="2026-12-06" title="Sunday 6 December 2026">Tomorrow</time>');
  });
});
