// Reads progress and coordinates out of a mysqldump / mariadb-dump stream, chunk by chunk (pure, no copies of
// the data: native byte searches find the few comment lines that matter).

/** Binlog coordinates a dump recorded (--master-data / --source-data). */
export interface DumpCoordinates {
  file: string;
  position: number;
}

const TABLE_MARK = Buffer.from("-- Dumping data for table `");
const COORDS_RE = /^(?:-- )?CHANGE (?:MASTER|REPLICATION SOURCE) TO (?:MASTER|SOURCE)_LOG_FILE='([^']+)', (?:MASTER|SOURCE)_LOG_POS=(\d+)\s*;/m;
const HEADER_BYTES = 64 * 1024;
const CARRY = 600;

/** Scans dump bytes as they stream: counts tables whose data started, and catches the coordinates in the header. */
export class DumpScanner {
  private carry = Buffer.alloc(0);
  private header = "";
  tablesStarted = 0;
  currentTable: string | null = null;
  coordinates: DumpCoordinates | null = null;

  /** Feeds one chunk (a Buffer, or text for tests). */
  push(chunk: Buffer | string) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    if (!this.coordinates && this.header.length < HEADER_BYTES) {
      this.header += bytes.subarray(0, HEADER_BYTES).toString("latin1");
      const c = COORDS_RE.exec(this.header);
      if (c) this.coordinates = { file: c[1], position: Number(c[2]) };
    }
    const data = this.carry.length ? Buffer.concat([this.carry, bytes]) : bytes;
    let from = 0;
    let consumed = 0;
    for (let at = data.indexOf(TABLE_MARK, from); at >= 0; at = data.indexOf(TABLE_MARK, from)) {
      const eol = data.indexOf(10, at);
      if (eol < 0) break;
      if (at === 0 || data[at - 1] === 10) {
        this.tablesStarted++;
        const line = data.subarray(at + TABLE_MARK.length, eol).toString("utf8");
        this.currentTable = line.slice(0, line.lastIndexOf("`")).replace(/``/g, "`");
      }
      from = consumed = eol + 1;
    }
    this.carry = Buffer.from(data.subarray(Math.max(consumed, data.length - CARRY)));
  }
}
