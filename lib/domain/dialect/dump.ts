// The dump-and-load tools and flags of each family: the runbook's command line and the copy step share them.
import { atLeast, type ServerVersion } from "./version";

/** The dump program a DBA runs against this source: mariadb-dump or mysqldump. */
export const dumpTool = (v: ServerVersion) => (v.flavor === "mariadb" ? "mariadb-dump" : "mysqldump");

/** The command-line client for this server: mariadb or mysql. */
export const clientTool = (v: ServerVersion) => (v.flavor === "mariadb" ? "mariadb" : "mysql");

/** Writes the source's coordinates into the dump as a comment: --source-data=2 for MySQL 8 sources, --master-data=2 otherwise. */
export const sourceDataFlag = (source: ServerVersion) => (source.flavor === "mysql" && atLeast(source, 8) ? "--source-data=2" : "--master-data=2");
