"use client";

import { parse, stringify } from "yaml";
import { Alert } from "@/components/ui";
import { CodeView } from "./code-view";
import { obj, readAsyncApi, str, type Obj } from "./asyncapi-read";

/** AsyncAPI as a readable structure: no renderer fits React 19 without remote assets. */
export function AsyncApiView({ definition }: { definition: string }) {
  let doc: Obj;
  try {
    doc = obj(parse(definition));
  } catch (e) {
    return <Alert>This AsyncAPI definition is not valid YAML or JSON: {(e as Error).message}</Alert>;
  }
  const info = obj(doc.info);
  const servers = Object.entries(obj(doc.servers)).map(
    ([name, s]) => ({ name, ...(obj(s) as Obj) }) as Obj & { name: string },
  );
  const channels = readAsyncApi(doc);
  return (
    <div className="space-y-6" data-testid="asyncapi-definition">
      <header>
        <h3 className="text-lg font-semibold">
          {str(info.title) ?? "AsyncAPI"}{" "}
          <span className="text-sm font-normal text-slate-600">{str(info.version)}</span>
        </h3>
        <p className="text-xs text-slate-600">AsyncAPI {str(doc.asyncapi) ?? ""}</p>
        {str(info.description) ? <p className="mt-2 text-sm text-slate-700">{str(info.description)}</p> : null}
      </header>
      {servers.length ? (
        <section aria-label="Servers">
          <h4 className="mb-2 font-medium">Servers</h4>
          <ul className="space-y-1 text-sm">
            {servers.map((s) => (
              <li key={s.name}>
                <span className="font-medium">{s.name}</span>{" "}
                <span className="font-mono text-xs">{str(s.url) ?? str(s.host) ?? ""}</span>{" "}
                <span className="text-slate-600">{str(s.protocol) ?? ""}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-label="Channels" className="space-y-4">
        <h4 className="font-medium">Channels</h4>
        {channels.length === 0 ? <p className="text-sm text-slate-600">No channels.</p> : null}
        {channels.map((c) => (
          <article key={c.name} className="rounded-md p-3 ring-1 ring-slate-200">
            <h5 className="break-all font-mono text-sm font-semibold">{c.address}</h5>
            {c.description ? <p className="mt-1 text-sm text-slate-700">{c.description}</p> : null}
            {c.operations.map((op, i) => (
              <div key={i} className="mt-3 space-y-2">
                <p className="text-sm">
                  <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-semibold uppercase text-indigo-800">
                    {op.action}
                  </span>{" "}
                  {op.summary}
                </p>
                {op.messages.map((m) => (
                  <div key={m.name}>
                    <p className="text-xs font-medium text-slate-700">Message {m.name}</p>
                    {m.payload ? (
                      <CodeView code={stringify(m.payload)} language="yaml" label={`Payload of ${m.name}`} />
                    ) : null}
                  </div>
                ))}
              </div>
            ))}
          </article>
        ))}
      </section>
    </div>
  );
}
