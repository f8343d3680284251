// Reads progress and coordinates out of a mysqldump / mariadb-dump text stream, chunk by chunk (pure).

/** Binlog coordinates a dump recorded (--master-data / --source-data). */
export interface DumpCoordinates {
  file: string;
  position: number;
}

const TABLE_RE = /^-- Dumping data for table `((?:[^`]|``)+)`/gm;
const COORDS_RE = /^(?:-- )?CHANGE (?:MASTER|REPLICATION SOURCE) TO (?:MASTER|SOURCE)_LOG_FILE='([^']+)', (?:MASTER|SOURCE)_LOG_POS=(\d+)/m;

/** Scans dump text as it streams: counts tables whose data started, and catches the coordinates line. */
export class DumpScanner {
  private carry = "";
  tablesStarted = 0;
  currentTable: string | null = null;
  coordinates: DumpCoordinates | null = null;

  /** Feeds one chunk; only comment lines are looked at, so huge INSERT lines cost a scan, not a copy. */
  push(chunk: string) {
    const text = this.carry + chunk;
    const lastNewline = text.lastIndexOf("\n");
    const complete = lastNewline >= 0 ? text.slice(0, lastNewline) : "";
    this.carry = (lastNewline >= 0 ? text.slice(lastNewline + 1) : text).slice(-512);
    if (!complete.includes("-- ") && !complete.includes("CHANGE ")) return;
    for (const m of complete.matchAll(TABLE_RE)) {
      this.tablesStarted++;
      this.currentTable = m[1].replace(/``/g, "`");
    }
    if (!this.coordinates) {
      const c = COORDS_RE.exec(complete);
      if (c) this.coordinates = { file: c[1], position: Number(c[2]) };
    }
  }
}
