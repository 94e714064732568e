// The smallest part of POSIX ustar that a backup needs: regular files with
// short names, written and read as streams. A backup is then a plain .tar.gz
// that `tar xzf` opens too, so the data can be read without Trellis.
const BLOCK = 512;

export class TruncatedArchive extends Error {
  constructor() {
    super("the archive ends in the middle of a file");
    this.name = "TruncatedArchive";
  }
}

function field(buffer: Buffer, offset: number, length: number, value: string) {
  buffer.write(value, offset, length, "ascii");
}

const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, "0") + "\0";

/** The 512-byte header of a regular file. */
export function tarHeader(name: string, size: number, mtime = new Date()): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`Archive entry name too long: ${name}`);
  const header = Buffer.alloc(BLOCK);
  field(header, 0, 100, name);
  field(header, 100, 8, octal(0o600, 8));
  field(header, 108, 8, octal(0, 8));
  field(header, 116, 8, octal(0, 8));
  field(header, 124, 12, octal(size, 12));
  field(header, 136, 12, octal(Math.floor(mtime.getTime() / 1000), 12));
  header.fill(" ", 148, 156);
  field(header, 156, 1, "0");
  field(header, 257, 6, "ustar\0");
  field(header, 263, 2, "00");
  let sum = 0;
  for (const byte of header) sum += byte;
  field(header, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
  return header;
}

/** Zero bytes that pad a file's content to whole blocks. */
export const tarPadding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** Two empty blocks end an archive. */
export const tarEnd = () => Buffer.alloc(BLOCK * 2);

/** Reads exact byte counts from a stream of chunks. */
class ChunkReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(wanted: number) {
    while (this.length < wanted && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else {
        this.chunks.push(next.value);
        this.length += next.value.length;
      }
    }
  }

  /** Up to `max` bytes (fewer only at the end of the stream). */
  async readSome(max: number): Promise<Buffer> {
    await this.fill(1);
    if (this.length === 0) return Buffer.alloc(0);
    const first = this.chunks[0]!;
    const piece = first.length <= max ? first : first.subarray(0, max);
    if (piece === first) this.chunks.shift();
    else this.chunks[0] = first.subarray(max);
    this.length -= piece.length;
    return piece;
  }

  /** Exactly `size` bytes, or null when the stream ends first. */
  async readExact(size: number): Promise<Buffer | null> {
    await this.fill(size);
    if (this.length < size) return null;
    const all = Buffer.concat(this.chunks);
    this.chunks = all.length > size ? [all.subarray(size)] : [];
    this.length -= size;
    return all.subarray(0, size);
  }
}

export type TarEntry = { name: string; size: number; body: AsyncIterable<Buffer> };

function parseOctal(header: Buffer, offset: number, length: number): number {
  const text = header.toString("ascii", offset, offset + length).replace(/\0.*$/s, "").trim();
  if (!/^[0-7]+$/.test(text)) throw new Error("the archive has a damaged header");
  return parseInt(text, 8);
}

/**
 * Yields the archive's regular files in order. Each entry's body must be read
 * (or abandoned) before asking for the next; what is left is skipped.
 */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ChunkReader(source);
  for (;;) {
    const header = await reader.readExact(BLOCK);
    if (!header) throw new TruncatedArchive();
    if (header.every((byte) => byte === 0)) return;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    if (sum !== parseOctal(header, 148, 8)) throw new Error("the archive has a damaged header");
    const name = header.toString("utf8", 0, 100).replace(/\0.*$/s, "");
    const size = parseOctal(header, 124, 12);
    let remaining = size;
    const body = (async function* () {
      while (remaining > 0) {
        const piece = await reader.readSome(Math.min(remaining, 1 << 16));
        if (piece.length === 0) throw new TruncatedArchive();
        remaining -= piece.length;
        yield piece;
      }
    })();
    yield { name, size, body };
    // Skip whatever the consumer left unread, then the padding.
    while (remaining > 0) {
      const piece = await reader.readSome(Math.min(remaining, 1 << 16));
      if (piece.length === 0) throw new TruncatedArchive();
      remaining -= piece.length;
    }
    if ((await reader.readExact(tarPadding(size).length)) === null) throw new TruncatedArchive();
  }
}
