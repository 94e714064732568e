// Where backups go unless a file is named: .data/backups/ (ignored by git,
// like the rest of .data), one file per backup, named by time.
import path from "node:path";

export const BACKUP_DIR = path.resolve(".data/backups");

/** e.g. trellis-2026-12-05T09-30-00Z.tar.gz, or …Z-before-20261205_x.tar.gz with a label. */
export function backupFileName(label?: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-");
  const tail = label ? `-${label.replace(/[^A-Za-z0-9_.+-]/g, "_")}`.slice(0, 150) : "";
  return `trellis-${stamp}${tail}.tar.gz`;
}
