// Helper of transfer.int.test.ts: seeds two servers and an admin (no argument), or prints the servers' opened passwords ("check").
import { closeDb } from "@/lib/data/db";
import { prepareDatabase } from "@/lib/data/startup";
import * as servers from "@/lib/data/servers";
import { insertFirstAdmin } from "@/lib/data/users";

async function main() {
  await prepareDatabase();
  if (process.argv[2] === "check") {
    const targets = await servers.listPollTargets();
    console.log(targets.map((t) => t.target.password).sort().join(","));
  } else {
    const base = { host: "127.0.0.1", user: "mon", tlsMode: "disabled", heartbeatEnabled: false, heartbeatSchema: "replscope", cluster: null, lagWarnSeconds: null, lagCritSeconds: null } as const;
    await servers.insertServer({ ...base, name: "db-one", port: 3307, password: "pw-one", tags: ["a", "b"] });
    await servers.insertServer({ ...base, name: "db-two", port: 3308, password: "pw-two", tags: [] });
    await insertFirstAdmin("admin", "not-a-real-hash");
  }
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
