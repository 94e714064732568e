// Plain text and a simple HTML rendering of the same words, from one list of
// paragraphs. Everything that goes into the HTML is escaped: names and
// practice names are typed by people, and a link is only ever a link.
export type MailBlock = string | { link: string };

export type MailBodies = { body: string; html: string };

export function composeBodies(blocks: MailBlock[]): MailBodies {
  const body = blocks.map((block) => (typeof block === "string" ? block : block.link)).join("\n\n");
  const paragraphs = blocks.map((block) => {
    if (typeof block === "string") return `<p>${escapeHtml(block).replace(/\n/g, "<br>")}</p>`;
    const href = safeHref(block.link);
    return href ? `<p><a href="${escapeHtml(href)}">${escapeHtml(block.link)}</a></p>` : `<p>${escapeHtml(block.link)}</p>`;
  });
  const html = [
    "<!doctype html>",
    '<html><body style="font-family: sans-serif; line-height: 1.5; color: #1c1917;">',
    ...paragraphs,
    "</body></html>",
  ].join("\n");
  return { body: `${body}\n`, html };
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only http(s) links become anchors; anything else is shown as text. */
function safeHref(link: string): string | null {
  try {
    const url = new URL(link);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
