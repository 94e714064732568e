import "server-only";
import { create } from "qrcode";

/**
 * The QR code of an otpauth:// address as one SVG path, drawn on our own
 * server: the secret never goes to a QR-code service. One unit per module,
 * with the 4-module quiet zone scanners expect.
 */
export function qrCodePath(text: string): { viewBox: string; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) parts.push(`M${column + quiet} ${row + quiet}h1v1h-1z`);
    }
  }
  const side = modules.size + quiet * 2;
  return { viewBox: `0 0 ${side} ${side}`, path: parts.join("") };
}
