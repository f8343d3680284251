// A poll thread's entry: Node cannot load the TypeScript sources by itself, so tsx loads ./thread.ts (the same code
// in `npm start`, `npm run dev`, the tests and the benches; the poller's modules are plain server code, not bundled).
import { tsImport } from "tsx/esm/api";

await tsImport("./thread.ts", import.meta.url);
