// AsyncAPI 2 and 3 documents read into channels, operations and messages, for the Definition tab.

export type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
export const str = (v: unknown) => (typeof v === "string" ? v : undefined);

type Operation = { action: string; summary?: string; messages: Array<{ name: string; payload: unknown }> };
type Channel = { name: string; address: string; description?: string; operations: Operation[] };

/** Follows a local `$ref` ("#/components/messages/X"); other refs stay as they are. */
function deref(doc: Obj, value: unknown, depth = 0): unknown {
  const ref = str(obj(value).$ref);
  if (!ref?.startsWith("#/") || depth > 10) return value;
  const target = ref
    .slice(2)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((at, key) => obj(at)[key], doc);
  return target === undefined ? value : deref(doc, target, depth + 1);
}

function messagesOf(doc: Obj, value: unknown): Operation["messages"] {
  const m = obj(deref(doc, value));
  // v2: one message, or oneOf; v3: a map of messages.
  const list = Array.isArray(m.oneOf) ? m.oneOf : "payload" in m || "name" in m ? [m] : Object.values(m);
  return list.map((raw, i) => {
    const x = obj(deref(doc, raw));
    return { name: str(x.name) ?? str(x.title) ?? `message ${i + 1}`, payload: deref(doc, x.payload) };
  });
}

/** Channels with their operations and messages, for AsyncAPI 2 and 3. */
export function readAsyncApi(doc: Obj): Channel[] {
  const channels = obj(doc.channels);
  const operations = Object.values(obj(doc.operations)).map(obj);
  return Object.entries(channels).map(([name, raw]) => {
    const c = obj(raw);
    const ops: Operation[] = [];
    for (const action of ["publish", "subscribe"]) {
      const op = obj(c[action]);
      if (Object.keys(op).length) ops.push({ action, summary: str(op.summary), messages: messagesOf(doc, op.message) });
    }
    for (const op of operations) {
      const ref = str(obj(op.channel).$ref);
      if (ref === `#/channels/${name}`) {
        ops.push({
          action: str(op.action) ?? "operation",
          summary: str(op.summary),
          messages: messagesOf(doc, c.messages),
        });
      }
    }
    return { name, address: str(c.address) ?? name, description: str(c.description), operations: ops };
  });
}
